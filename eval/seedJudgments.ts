/**
 * Judgments of the bundled seed articles (corpus/documents) for `npm run eval`; the format is eval/judgments.ts's.
 *
 * Read by issue #17's rule for places and actors: a place named with a preposition in a clause
 * whose event is the sentence's point is what the sentence is about ("In Syria, it is still in
 * al Raqqa…", "controls wide areas in Syria and Iraq", "ISIS now either will hide in al Mosul");
 * a list item carrying its own event is about each actor and place in it ("losing Palmyra city
 * for the regime army", "the northern countryside of Raqqa to the Kurdish forces"). Judgments
 * made before that rule and changed by it are marked (was 1); a place tagged on a noun or in a
 * clause that is not the sentence's point stays passing ("nerve centers of Mosul in Iraq").
 */
import type { Judgments } from './judgments';

const HERALD = '002_581e71eac7454d3e';
const MCGURK = '003_32d5d268c0a13cc5';
const ACTIVIST = '000_7e19e4b8228dd140';
const CRITIC = '001_a3ed7a2f4efbeee5';
const MOSUL_ACTIVIST = '004_90b169417da9e3e3';

export const seeds: Judgments = {
  passages: {
    raqqa: [
      [ACTIVIST, 'Raqqa on the other hand, is still far', 2],
      [HERALD, 'Ninety percent of Raqqa has been cleared', 2],
      [MOSUL_ACTIVIST, 'patrols and checkpoints in Raqqa', 2],
      [HERALD, 'Liberating Raqqa is a triumph', 2],
      [CRITIC, 'displaced by thousands from al Raqqa', 2],
      [HERALD, 'Losing Raqqa means ISIS', 2],
      [MOSUL_ACTIVIST, 'fled Mosul towards Raqqa', 2],
      [MOSUL_ACTIVIST, 'preparing for Raqqa battle', 2],
      [HERALD, 'routed Islamic State fighters from Raqqa', 2],
      [ACTIVIST, 'the northern countryside of Raqqa', 2], // (was 1)
      [HERALD, 'nerve centers of Mosul in Iraq and now Raqqa', 1],
      [CRITIC, 'still in al Raqqa', 2], // (was 1)
    ],
    isis: [
      [CRITIC, 'There is no victory over ISIS', 2],
      [CRITIC, 'ISIS was created in order to stay', 2],
      [CRITIC, 'the Khilafa project is over', 2],
      [HERALD, 'ISIS has lost 87 percent', 2],
      [HERALD, 'Clearly it is the loss of physical territory', 2],
      [HERALD, 'on the verge of a devastating defeat', 2],
      [HERALD, 'Their story of leading a holy cause', 2],
      [HERALD, 'Losing Raqqa means ISIS', 2],
      [HERALD, 'With ISIS retreating', 2],
      [ACTIVIST, 'But the real battle against ISIS has not started yet', 2],
      [ACTIVIST, 'ISIS is fighting several armies and coalitions', 2],
      [ACTIVIST, 'Abu Muhammad Al Adnani', 2],
      [ACTIVIST, 'the war against ISIS would not finish', 2],
      [MCGURK, 'ISIS killed 14 people', 2],
      [MCGURK, 'The territory held by the Islamic State', 2],
      [MCGURK, 'ISIS is faltering', 2],
      [MCGURK, 'airstrikes are hitting ISIS cash warehouses', 2],
      [MOSUL_ACTIVIST, 'ISIS fighters have fled Mosul', 2],
      [MCGURK, 'ISIS\' hold on oil fields', 1],
      [HERALD, 'The Pentagon stopped short', 1],
      [MCGURK, 'While ISIS territory shrinks', 1],
      [MOSUL_ACTIVIST, 'expulsion ISIS out of Mosul', 1],
    ],
    mosul: [
      [MOSUL_ACTIVIST, 'Mosul, where Abu Bakr Al Bagdadi', 2],
      [ACTIVIST, 'Mosul, as confirmed by US observers', 2],
      [MOSUL_ACTIVIST, 'secured Mosul, which is the group’s stronghold', 2],
      [MOSUL_ACTIVIST, 'fled Mosul towards Raqqa', 2],
      [MOSUL_ACTIVIST, 'The battle of Mosul is just like', 2],
      [MOSUL_ACTIVIST, 'enter Mosul battle', 2],
      [MOSUL_ACTIVIST, 'If the US managed to liberate Mosul', 2],
      [CRITIC, '900 thousand people were displaced in al Mosul', 2],
      [CRITIC, 'hide in al Mosul itself', 2], // (was 1)
      [HERALD, 'nerve centers of Mosul', 1],
      [MOSUL_ACTIVIST, 'from Mosul, Fallujah and Qaiara', 1],
      [MCGURK, 'inside Mosul City', 1],
      [MOSUL_ACTIVIST, 'expulsion ISIS out of Mosul', 1],
    ],
    iraq: [
      [MOSUL_ACTIVIST, 'the situation in Iraq is based on sectarian quotas', 2],
      [CRITIC, 'US is ruling Iraq', 2],
      [ACTIVIST, 'capitals and Iraq and Syria', 1],
      [ACTIVIST, 'wide areas in Syria and Iraq', 2], // (was 1)
      [ACTIVIST, 'critical sectarian issues in Iraq', 1],
      [HERALD, 'vast swaths of both Syria and Iraq', 1],
      [HERALD, '87 percent of its territory in Iraq and Syria', 2], // (was 1)
      [HERALD, 'it won’t be Iraq or Syria', 1],
      [MCGURK, 'which borders both Iraq and Syria', 1],
      [MCGURK, 'Ramadi itself in Iraq', 2], // (was 1)
      [MOSUL_ACTIVIST, 'refugee camps northern Iraq', 1],
      [CRITIC, 'In Iraq, ISIS is still in Kirkook', 2], // (was 1)
      [MOSUL_ACTIVIST, 'the group’s stronghold in Iraq', 1],
    ],
    'international-coalition': [
      [HERALD, 'the coalition has almost entirely staunched', 2],
      [HERALD, 'the coalition marking its third anniversary', 2],
      [ACTIVIST, 'First of all, the International Coalition, led by the US', 2],
      [CRITIC, 'targeted by the Coalition strikes', 2],
      [MCGURK, 'Global Coalition to Counter ISIS', 1],
    ],
    'russian-army': [
      [ACTIVIST, 'second of all, the Russian army', 2],
      [CRITIC, 'Russian Forces will deploy', 2],
    ],
    'syrian-democratic-forces': [
      [HERALD, 'Syrian Democratic Forces yesterday celebrated', 2],
      [HERALD, 'SDF’s political wing', 1],
    ],
    'syrian-army': [
      [ACTIVIST, 'losing Palmyra city for the regime army', 2], // (was 1)
      [ACTIVIST, 'the regime army in the south', 1],
      [CRITIC, 'the Syrian Army busy', 2], // (was 1)
    ],
    palmyra: [
      [ACTIVIST, 'losing Palmyra city for the regime army', 2], // (was 1)
      [MCGURK, 'ground in Syria including Palmyra', 1],
    ],
    syria: [
      [CRITIC, 'military bases US has established in Syria', 2],
      [CRITIC, 'In Syria, it is still in al Raqqa', 2],
      [CRITIC, 'In Syria now ISIS has infiltrated', 2],
      [ACTIVIST, 'wide areas in Syria and Iraq', 2],
      [HERALD, '87 percent of its territory in Iraq and Syria', 2],
      [MCGURK, 'along with ground in Syria', 2],
      [ACTIVIST, 'capitals and Iraq and Syria', 1],
      [HERALD, 'vast swaths of both Syria and Iraq', 1],
      [HERALD, 'it won’t be Iraq or Syria', 1],
      [HERALD, 'now Raqqa in Syria', 1],
      [MCGURK, 'oil fields in Iraq and Syria', 1],
    ],
    'deir-ez-zor': [
      [MOSUL_ACTIVIST, 'displacing process towards Raqqa and Deir ez-Zor', 2],
      [CRITIC, 'still in al Raqqa and Deir Ezzur', 2],
    ],
    'free-syrian-army': [
      [ACTIVIST, 'to the FSA troops and the Turkish army', 2],
      [ACTIVIST, 'the Free Syrian Army troops under the name', 1],
    ],
    'turkish-army': [
      [ACTIVIST, 'to the FSA troops and the Turkish army', 2],
      [ACTIVIST, 'between the Turkish army and the Free Syrian Army', 1],
      [MOSUL_ACTIVIST, 'Iranian troops and Turkish troops', 1],
    ],
    'popular-mobilization-forces': [
      [ACTIVIST, 'losing Fallujah for the Shiite Iraqi Popular Mobilization', 2],
      [MOSUL_ACTIVIST, 'the Shiite mobilization', 1],
    ],
    'iraqi-army': [
      [CRITIC, 'the progress of the Syrian and Iraqi Armies', 2],
      [MOSUL_ACTIVIST, 'anti-terrorism forces, the Iraqi Army, the police', 1],
    ],
    'kurdish-forces': [
      [ACTIVIST, 'the northern countryside of Raqqa to the Kurdish forces', 2],
      [MOSUL_ACTIVIST, 'depending totally on the Kurdish troops', 2],
      [ACTIVIST, 'whether they were Kurdish forces in the North', 1],
      [ACTIVIST, 'represented on the field by the Kurdish forces', 1],
    ],
    qayyarah: [[MOSUL_ACTIVIST, 'from Mosul, Fallujah and Qaiara', 1]],
  },
  quotes: [
    [HERALD, 'last vestige of the caliphate', 'Colin Clarke'],
    [HERALD, 'Clearly it is the loss of physical territory', 'Colin Clarke'],
    [HERALD, 'What drew these foreign fighters', 'Colin Clarke'],
    [HERALD, 'triumph for humanity', 'Ilham Ahmed'],
    [HERALD, 'forces of darkness', 'Ilham Ahmed'],
    [HERALD, 'on the verge of a devastating defeat', 'Army Col. Ryan Dillon'],
    [HERALD, 'booby traps are strewn across the city', 'Army Col. Ryan Dillon'],
    [HERALD, 'cesspool of brutal lies', 'Army Col. Ryan Dillon'],
    [HERALD, 'ISIS is losing in every way', 'Army Col. Ryan Dillon'],
    [HERALD, 'At the end of the day', 'Colin Clarke'],
    [HERALD, 'adapt to this new circumstance', 'Michael Corgan'],
    [HERALD, 'less of an existential threat', 'Michael Corgan'],
    [HERALD, 'Oil revenue for the group has been cut', null],
    [MCGURK, 'perverse caliphate is shrinking', 'Brett McGurk'],
    [MCGURK, 'very much on the defensive', 'Brett McGurk'],
    [MCGURK, 'have not re-taken any territory', 'Brett McGurk'],
    [MCGURK, 'not a new tactic', 'Brett McGurk'],
    [MCGURK, 'rejection of the ignorance', 'Hazwan al-Wuz'],
    ['001_a3ed7a2f4efbeee5', 'There is no victory over ISIS', null],
  ],
};
