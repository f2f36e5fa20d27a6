/**
 * The HTTP surface (Fastify): every route needs a team's Bearer token; reads run on the read pool
 * (a replica when there is one), writes on the primary and need a writer's token. Params and
 * bodies are checked with the extension's own valibot schemas (its message registry,
 * lib/messages/registry.ts); each refusal is one JSON `{ error, message }` with its status:
 *
 * | status | error | when |
 * | --- | --- | --- |
 * | 400 | invalid | a param or body the schema refuses (message: the first issue and its path); text with a NUL character |
 * | 401 | unauthorized | no Bearer token, or one that is unknown or revoked |
 * | 403 | forbidden | a reader's token on a write |
 * | 404 | not-found | no such entity or document in this team's corpus (or route) |
 * | 413 | too-large | a body over the route's limit (1 MB; 32 MB for documents) |
 * | 415 | unsupported-type | a body that is not JSON |
 * | 422 | unreadable | a file or draft the import refuses (lib/userCorpus ImportError: its reason) |
 * | 429 | rate-limited | more requests than the token's budget per minute |
 * | 500 | internal | anything else (no detail leaves the server) |
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import * as v from 'valibot';
import { NotFoundError } from '../../lib/corpus/storeShared';
import { ImportError } from '../../lib/userCorpus/limits';
import { authenticate, withTeam, type Pools, type Team } from './db';
import * as answers from './answers';
import { routeSchemas } from './schemas';
import { draftsOf } from './uploads';
import { RevisionCache } from './revisionCache';
import type { EntityCard, SearchResult } from '../../lib/messages/protocol';

export interface AppOptions {
  /** Requests per minute per token (default 600). */
  rateLimit?: number;
  logger?: boolean;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ONE_MB = 1024 * 1024;

function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new HttpError(400, 'invalid', `${path ? `${path}: ` : ''}${issue.message}`);
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export async function buildApp(pools: Pools, options: AppOptions = {}): Promise<FastifyInstance> {
  // Ids are up to 200 characters (the extension's schemas), so route params may be too; longer ones are the schema's to refuse.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: ONE_MB, routerOptions: { maxParamLength: 256 } });
  const teams = new WeakMap<FastifyRequest, Team>();
  // Cards and searches kept per team at the revision they were computed for (./revisionCache.ts).
  const cards = new RevisionCache<EntityCard>();
  const searches = new RevisionCache<SearchResult>();

  // Server-Timing: how long the server took, from the request's arrival to its reply (bench/measure-server.mjs reads it).
  const arrived = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', async (req) => void arrived.set(req, performance.now()));
  app.addHook('onSend', async (req, reply) => void reply.header('server-timing', `app;dur=${(performance.now() - (arrived.get(req) ?? 0)).toFixed(2)}`));

  await app.register(rateLimit, {
    max: options.rateLimit ?? 600,
    timeWindow: 60_000,
    keyGenerator: (req) => bearer(req) ?? req.ip,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: 'rate-limited', message: `More than ${ctx.max} requests a minute with this token; retry in ${ctx.after}` }),
  });

  app.setErrorHandler((error: unknown, _req, reply: FastifyReply) => {
    if (error instanceof HttpError) return reply.code(error.status).send({ error: error.code, message: error.message });
    if (error instanceof NotFoundError) return reply.code(404).send({ error: 'not-found', message: error.message });
    if (error instanceof ImportError) return reply.code(422).send({ error: 'unreadable', message: error.message });
    const e = error as { statusCode?: number; code?: string; message?: string };
    // PostgreSQL refuses text with a NUL character (22021) or one it cannot store (22P05): the input's fault.
    if (e.code === '22021' || e.code === '22P05') return reply.code(400).send({ error: 'invalid', message: 'Text with a NUL or unstorable character' });
    if (e.statusCode === 413) return reply.code(413).send({ error: 'too-large', message: 'The body is larger than this route accepts' });
    if (e.statusCode === 415) return reply.code(415).send({ error: 'unsupported-type', message: 'Send JSON (Content-Type: application/json)' });
    if (e.statusCode === 429) return reply.code(429).send(error);
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return reply.code(400).send({ error: 'invalid', message: e.message ?? 'Bad request' });
    app.log.error(error);
    return reply.code(500).send({ error: 'internal', message: 'The server could not answer' });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not-found', message: 'No such route' }));

  app.addHook('onRequest', async (req) => {
    if (req.url === '/health') return;
    const token = bearer(req);
    if (!token || token.length > 200) throw new HttpError(401, 'unauthorized', 'Send a team token: Authorization: Bearer <token>');
    const team = await authenticate(pools.read, token);
    if (!team) throw new HttpError(401, 'unauthorized', 'This token is unknown or revoked');
    teams.set(req, team);
  });

  const teamOf = (req: FastifyRequest): Team => teams.get(req)!;
  const read = <T>(req: FastifyRequest, fn: (c: Parameters<Parameters<typeof withTeam>[2]>[0]) => Promise<T>) => withTeam(pools.read, teamOf(req).id, fn, true);
  const write = <T>(req: FastifyRequest, fn: (c: Parameters<Parameters<typeof withTeam>[2]>[0]) => Promise<T>) => {
    const team = teamOf(req);
    if (team.role !== 'writer') throw new HttpError(403, 'forbidden', `A reader's token cannot change ${team.name}'s corpus`);
    return withTeam(pools.write, team.id, fn);
  };

  app.get('/health', async () => ({ ok: true }));
  app.get('/v1/team', async (req) => {
    const { slug, name, role } = teamOf(req);
    return { slug, name, role };
  });
  app.get('/v1/entities/:id/card', async (req) => {
    const { id } = parse(routeSchemas.lookupEntity, req.params);
    return read(req, (c) => answers.card(c, id, cards));
  });
  app.get('/v1/entities/:entityId/compare', async (req) => {
    const { entityId } = parse(routeSchemas.compare, req.params);
    return read(req, (c) => answers.compare(c, entityId));
  });
  app.get('/v1/documents/:docId', async (req) => {
    const { docId } = parse(routeSchemas.getDocument, req.params);
    return read(req, (c) => answers.getDocument(c, docId));
  });
  app.post('/v1/search', async (req) => {
    const params = parse(routeSchemas.search, req.body);
    return read(req, (c) => answers.search(c, params, searches));
  });

  app.post('/v1/documents', { bodyLimit: 32 * ONE_MB }, async (req, reply) => {
    const body = parse(routeSchemas.addDocuments, req.body);
    const drafts = draftsOf(body);
    const ids = await write(req, (c) => answers.addDocuments(c, drafts, body.language ?? 'english', teamOf(req).name));
    return reply.code(201).send({ ids });
  });
  app.post('/v1/entities', async (req, reply) => {
    const body = parse(routeSchemas.addEntity, req.body);
    return reply.code(201).send(await write(req, (c) => answers.addEntity(c, body)));
  });
  app.post('/v1/names', async (req, reply) => {
    const { entityId, text } = parse(routeSchemas.addAlias, req.body);
    return reply.code(201).send(await write(req, (c) => answers.addName(c, entityId, text)));
  });
  return app;
}
