/**
 * What insiders may try, as plain data (so fast-check shrinks a failure to a short, readable
 * list). Targets are small numbers resolved against what exists when the command runs
 * (`shift: 3` is the fourth shift published so far, modulo how many there are). A shift's
 * attendance and a wish move one step per command (claim → code → check-in → check-out →
 * verify; approve → claim → fulfil → confirm → verify), so a short random sequence still
 * reaches verified hours. `by: 'entitled'` is whoever the step needs (the shift's organizer,
 * the wish's claimant or poster, the redemption's shop); a named insider may be anyone, and
 * is often refused.
 */
import fc from 'fast-check';

/** The run's insiders: organizers of org A (two) and org B, two merchants, three volunteers. No admin. */
export const INSIDERS = ['oa1', 'oa2', 'ob', 'm1', 'm2', 'v1', 'v2', 'v3'] as const;
export type Insider = (typeof INSIDERS)[number];
const ORGANIZERS = ['oa1', 'oa2', 'ob'] as const satisfies readonly Insider[];
/** People with no role in the district: recipients an insider might favour, or name as a wish's doer. */
export const STRANGERS = ['u-stranger-1', 'u-stranger-2'] as const;
export type Stranger = (typeof STRANGERS)[number];

export type GridKey = 'a' | 'b';
export type Actor = Insider | 'entitled';
export type ForbiddenAct = 'deduct' | 'fundBudget' | 'freeze' | 'unfreeze' | 'changePolicy' | 'reverse';

export type Command =
  | { kind: 'publish'; by: Actor; grid: GridKey; pointsPerHour: number; category: string; startInMinutes: number; lengthMinutes: number }
  /**
   * The volunteer's next step on the shift (`again`: of an attendance already begun, the
   * `shift`-th); the code and the verification are `by`'s.
   */
  | { kind: 'attend'; shift: number; volunteer: Insider | 'again'; by: Actor; codeOfAnotherShift: boolean; minutes?: number; bonusPoints?: number }
  | { kind: 'postWish'; by: Insider; grid: GridKey }
  /** The next step of the `wish`-th wish not yet verified, by `by`; `doneBy` names who did the work on a unit's claim. */
  | { kind: 'advanceWish'; wish: number; by: Actor; onBehalfOfUnit: boolean; minutes: number; doneBy?: Insider | Stranger; bonusPoints?: number }
  | { kind: 'award'; by: Insider; from: GridKey | 'own' | 'issuance'; to: Insider | Stranger | 'self'; amount: number }
  | { kind: 'forbidden'; by: Insider; act: ForbiddenAct; target: Insider; amount: number }
  /** `by: 'entitled'`: someone the run has paid (an award or verified hours). */
  | { kind: 'redeem'; by: Actor; reward: number }
  | { kind: 'confirmCode'; by: Actor; redemption: number };

const anyone = fc.constantFrom(...INSIDERS);
/** Mostly whoever the step needs, sometimes anyone: refusals are part of the story. */
const actor = fc.oneof({ weight: 3, arbitrary: fc.constant('entitled' as const) }, { weight: 1, arbitrary: anyone });
const target = fc.nat({ max: 7 });
const grid = fc.constantFrom<GridKey>('a', 'b');
const rarely = fc.integer({ min: 0, max: 5 }).map((n) => n === 0);

/** A bonus as an organizer might type it: modest, or absurd (beyond the policy, beyond safe integers). */
const bonusPoints = fc.option(
  fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(1_000_000, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e21) }),
  { nil: undefined },
);

const publish = fc.record({
  kind: fc.constant('publish' as const), by: actor, grid,
  // The activities service takes 1–100; the ledger holds a rate within its own bounds.
  pointsPerHour: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(100, 101) }),
  category: fc.constantFrom('环境', '助老', '医疗'),
  // Mostly running or about to start (check-in opens 30 minutes before); sometimes already over.
  startInMinutes: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -20, max: 25 }) }, { weight: 1, arbitrary: fc.constant(-300) }),
  lengthMinutes: fc.integer({ min: 30, max: 240 }),
});
const postWish = fc.record({ kind: fc.constant('postWish' as const), by: anyone, grid });
const award = fc.record({
  kind: fc.constant('award' as const),
  by: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ORGANIZERS) }, { weight: 1, arbitrary: anyone }),
  from: fc.oneof({ weight: 3, arbitrary: fc.constant('own' as const) }, { weight: 1, arbitrary: grid }, { weight: 1, arbitrary: fc.constant('issuance' as const) }),
  to: fc.oneof(anyone, fc.constant('self' as const), fc.constantFrom(...STRANGERS)),
  amount: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 200 }) }, { weight: 1, arbitrary: fc.constantFrom(500, 501, 5_000) }),
});

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: publish },
  { weight: 12, arbitrary: fc.record({
    kind: fc.constant('attend' as const), shift: target, by: actor,
    volunteer: fc.oneof({ weight: 3, arbitrary: fc.constant('again' as const) }, { weight: 1, arbitrary: anyone }), codeOfAnotherShift: rarely,
    minutes: fc.option(fc.integer({ min: 0, max: 24 * 60 }), { nil: undefined }), bonusPoints,
  }, { requiredKeys: ['kind', 'shift', 'volunteer', 'by', 'codeOfAnotherShift'] }) },
  { weight: 1, arbitrary: postWish },
  { weight: 6, arbitrary: fc.record({
    kind: fc.constant('advanceWish' as const), wish: target, by: actor, onBehalfOfUnit: rarely, minutes: fc.integer({ min: 1, max: 480 }),
    doneBy: fc.option(fc.oneof(anyone, fc.constantFrom(...STRANGERS)), { nil: undefined }), bonusPoints,
  }, { requiredKeys: ['kind', 'wish', 'by', 'onBehalfOfUnit', 'minutes'] }) },
  { weight: 3, arbitrary: award },
  { weight: 1, arbitrary: fc.record({
    kind: fc.constant('forbidden' as const), by: anyone,
    act: fc.constantFrom<ForbiddenAct>('deduct', 'fundBudget', 'freeze', 'unfreeze', 'changePolicy', 'reverse'),
    target: anyone, amount: fc.integer({ min: 1, max: 500 }),
  }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('redeem' as const), by: actor, reward: fc.nat({ max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('confirmCode' as const), by: actor, redemption: target }) },
);

/**
 * One run: 15 to 25 commands, the first few publishing shifts, posting wishes and awarding
 * (so that the rest has something to act on), then any.
 */
export const commandSequences = fc
  .tuple(fc.array(fc.oneof({ weight: 2, arbitrary: publish }, { weight: 1, arbitrary: postWish }, { weight: 1, arbitrary: award }), { minLength: 3, maxLength: 5 }), fc.array(command, { minLength: 12, maxLength: 20 }))
  .map(([opening, rest]): Command[] => [...opening, ...rest]);
