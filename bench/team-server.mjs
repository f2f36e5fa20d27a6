/**
 * A team server for the hover measure with a team connected (bench/run.mjs `hover`): the e2e
 * tests' throwaway server (tests/e2e/teamServer.ts) with a few documents filed to Desk Iraq that
 * name the places and groups a news page names, so the team has something to add to each card.
 * Run by vite-node (it imports the server's TypeScript); prints one JSON line, { base, token } (a
 * reader's), and stops the server and its cluster when its standard input closes.
 */
import { startTeamServer } from '../tests/e2e/teamServer.ts';

const NAMES = ['Raqqa', 'Mosul', 'Aleppo', 'Islamic State', 'ISIS', 'Syria', 'Iraq', 'Kurdish', 'Baghdad', 'Damascus', 'Kobani', 'Palmyra'];
const team = await startTeamServer();
for (const [i, name] of NAMES.entries()) {
  const status = await team.fileText(`Desk note ${i + 1}: reporters in ${name} described checkpoints, bread queues and the water cuts after the strikes, residents said.`);
  if (status !== 201) throw new Error(`filing to the team server: ${status}`);
}
process.stdout.write(`${JSON.stringify({ base: team.base, token: team.tokens.readerA })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void team.close().then(() => process.exit(0)));
