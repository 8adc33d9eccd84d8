/**
 * The rule catalog: every diagnostic the validator reports has a stable id, a default severity and a
 * one-line description. Ids never change meaning; retired rules keep their number.
 */

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = RuleSeverity | 'off';

export interface RuleInfo {
    readonly id: string;
    readonly name: string;
    readonly severity: RuleSeverity;
    readonly description: string;
    /** Where the rule comes from (see the domain notes); shown in hovers and `blueprint rules`. */
    readonly source: string;
    /** Syntax and linking problems cannot be switched off: the file means nothing without them. */
    readonly configurable: boolean;
}

function rule(id: string, name: string, severity: RuleSeverity, description: string, source: string,
    configurable = true): RuleInfo {
    return { id, name, severity, description, source, configurable };
}

export const Rules = {
    syntax: rule('BP000', 'syntax', 'error', 'The text follows the Blueprint grammar (one syntax error is reported at a time, with what was expected there); a `language` is one of en, zh, ja, ko.', 'language', false),
    duplicateName: rule('BP001', 'unique-names', 'error', 'Names are unique per kind (steps and evidence, actors and systems, stages, ...) within a file; a blueprint sets its language, and relabels each standard lane and line, at most once.', 'language hygiene'),
    unresolvedReference: rule('BP002', 'resolved-references', 'error', 'Every reference to a lane, step, actor, stage, channel or segment resolves.', 'language hygiene', false),
    missingImport: rule('BP003', 'import-exists', 'error', 'An imported file exists and is a blueprint file.', 'language hygiene'),
    cyclicImport: rule('BP004', 'import-cycle', 'warning', 'Imports do not form a cycle.', 'language hygiene'),
    laneOrder: rule('BP005', 'lane-order', 'warning', 'Lanes keep the canonical order (evidence, customer, frontstage, backstage, support) unless a custom order lists every lane used.', 'Bitner 2008'),
    startsWithCustomer: rule('BP006', 'starts-with-customer', 'warning', 'The process starts with a customer action.', 'Bitner 2008'),
    skipsLineOfInteraction: rule('BP007', 'no-customer-to-backstage', 'error', 'A flow never links a customer step in physical contact straight to a step below the line of visibility (backstage, support or a custom lane there): the customer cannot touch what they cannot see. Contact through a remote channel is BP030.', 'Kingman-Brundage; Bitner 2008'),
    touchpointEvidence: rule('BP008', 'touchpoint-evidence', 'warning', 'Each touchpoint (a customer step that crosses the line of interaction) has physical evidence.', 'Bitner 2008'),
    failPointRemedy: rule('BP009', 'fail-point-remedy', 'warning', 'Each fail point names a prevention or a recovery.', 'Shostack 1984'),
    waitTime: rule('BP010', 'wait-expected-time', 'warning', 'Each wait point has an expected time.', 'Shostack 1984'),
    waitTolerance: rule('BP011', 'wait-within-tolerance', 'warning', 'A wait (or step duration) does not exceed its tolerance.', 'Shostack 1984'),
    momentVisible: rule('BP012', 'moment-customer-visible', 'warning', 'A moment of truth is customer-visible: a customer or frontstage step, or a touchpoint.', 'ours, from the moments-of-truth material'),
    metricTarget: rule('BP013', 'metric-target', 'error', 'A metric has a well-formed target: a comparator and a value (with a unit such as %, s or a count); percentages lie within 0..100.', 'ours, from the hotline KPIs'),
    timeUnit: rule('BP014', 'time-unit', 'error', 'Durations, waits and tolerances carry a known time unit (ms, s, min, h, d, week).', 'ours'),
    unreachableStep: rule('BP015', 'reachable-steps', 'warning', 'Every step is reachable from the start by flows.', 'ours (graph hygiene)'),
    deadEnd: rule('BP016', 'no-dead-ends', 'warning', 'Every step has an outgoing flow unless it is declared an `end` step.', 'ours (graph hygiene)'),
    escalationReturns: rule('BP017', 'escalation-returns', 'warning', 'An escalation to a second line leads back to the customer.', 'ours, from the second-line case'),
    selfService: rule('BP018', 'self-service-no-employee', 'warning', 'A self-service step (ATM, app, web, IVR, kiosk) has no employee actor in the frontstage.', 'ours, from the self-service classification'),
    singleClause: rule('BP019', 'single-clause', 'error', 'A step names at most one stage, actor and channel; a metric at most one target.', 'language hygiene'),
    oneBlueprintPerFile: rule('BP020', 'one-blueprint-per-file', 'error', 'A file holds at most one blueprint.', 'language hygiene'),
    evidenceOnCustomerStep: rule('BP021', 'evidence-placement', 'warning', 'Physical evidence belongs to a customer or frontstage step.', 'Bitner 2008'),
    selfFlow: rule('BP022', 'no-self-flow', 'warning', 'A flow links two different steps.', 'ours (graph hygiene)'),
    duplicateProperty: rule('BP023', 'single-property', 'warning', 'A step has at most one duration, wait, moment and emotion.', 'language hygiene'),
    processTolerance: rule('BP024', 'process-within-tolerance', 'warning', 'The expected time (per customer segment too) stays within the blueprint\'s time standard (`tolerance`); a worst case above it is noted as information.', 'Shostack 1984 (time standards)'),
    momentRecovery: rule('BP025', 'moment-fail-recovery', 'warning', 'A fail point on a moment of truth names a recovery: a failure there is hard to repair in the same moment.', 'ours, from the moments-of-truth material'),
    recoveryReachable: rule('BP026', 'recovery-reachable', 'warning', 'The steps of a fail point\'s corrective sub-process can be reached by flows from the fail point\'s step.', 'Shostack 1984 (corrective sub-processes)'),
    decisionShares: rule('BP027', 'decision-shares', 'error', 'The alternatives of a decision carry shares that add up to 100 % (or are all weights); parallel branches carry none; failure rates and repeat probabilities are percentages below 100 %.', 'ours, from the hotline\'s 95 % / 5 %'),
    parallelJoins: rule('BP028', 'parallel-joins', 'warning', 'Each branch of a parallel split reaches its `join` step, or, without a join, an end.', 'ours (graph hygiene)'),
    pokaYokeType: rule('BP029', 'poka-yoke-type', 'warning', 'A poka-yoke type is task, treatment or tangible (server errors) or preparation, encounter or resolution (customer errors).', 'Chase & Stewart 1994'),
    remoteContact: rule('BP030', 'remote-contact-backstage', 'info', 'A customer step in contact with a step below the line of visibility through a remote channel (phone, chat, e-mail): the invisible contact employee. Allowed; shown so that it is a choice.', 'Bitner, Ostrom & Morgan 2008'),
    exclusiveDecision: rule('BP031', 'decision-exclusive', 'warning', 'A step where a decision is made leads on only by its alternatives: another flow out of it (other than a conversation `<->`, a rework loop, a recovery or a branch of a `parallel` block) would be done whichever alternative is taken.', 'BPMN exclusive gateway; ours, from the analysis'),
    emptyFile: rule('BP032', 'empty-file', 'warning', 'A file holds a blueprint, shared declarations or imports: an empty file (or one of comments only) is usually one not saved yet or cut short.', 'language hygiene')
} as const satisfies Record<string, RuleInfo>;

export type RuleKey = keyof typeof Rules;

export const ALL_RULES: readonly RuleInfo[] = Object.values(Rules).sort((a, b) => a.id.localeCompare(b.id));

const BY_ID_OR_NAME = new Map<string, RuleInfo>(ALL_RULES.flatMap(r => [[r.id, r], [r.name, r]] as const));

/** Looks a rule up by id (`BP008`) or by name (`touchpoint-evidence`). */
export function findRule(idOrName: string): RuleInfo | undefined {
    return BY_ID_OR_NAME.get(idOrName) ?? BY_ID_OR_NAME.get(idOrName.toUpperCase());
}
