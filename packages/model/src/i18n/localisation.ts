/**
 * Every text a blueprint's readers see that the author did not write: the standard lane and line
 * names and the headings of the service review and the change report, per language. One table per
 * language, typed by one interface, so a heading added in one language must be added in all.
 * Diagnostics stay in English: they are addressed to the author, in the language of the keywords.
 */
import type { ChannelDistance, Feeling, FlowKind, LineKind, PokaYokeType, StandardLaneKind } from '../blueprint-model.js';

export type LanguageCode = 'en' | 'zh' | 'ja' | 'ko';

type BuiltinChannel = 'branch' | 'onsite' | 'store' | 'hotline' | 'ivr' | 'app' | 'web' | 'atm' | 'kiosk' | 'sms' | 'email' | 'chat' | 'mail';

export const SUPPORTED_LANGUAGES: readonly LanguageCode[] = ['en', 'zh', 'ja', 'ko'];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** Headings and fixed phrases of the service review (`blueprint report`). */
export interface ServiceReportStrings {
    readonly title: (blueprint: string) => string;
    readonly steps: string;
    readonly touchpoints: string;
    readonly momentsOfTruth: string;
    readonly failPoints: string;
    readonly waitPoints: string;
    readonly serviceStandards: string;
    readonly diagram: string;
    readonly time: string;
    readonly noPath: string;
    readonly expectedTotal: string;
    readonly customerWaiting: string;
    readonly customerVisibleTime: string;
    readonly backstageTime: string;
    readonly processTolerance: string;
    readonly stepsWithoutTime: string;
    readonly loopsNotSummed: string;
    readonly criticalPath: string;
    readonly step: string;
    readonly lane: string;
    readonly stepTime: string;
    readonly cumulative: string;
    readonly waitSuffix: string;
    readonly allPaths: string;
    readonly path: string;
    readonly total: string;
    readonly waiting: string;
    readonly visible: string;
    readonly backstage: string;
    readonly onlyFirstPaths: (count: number) => string;
    readonly expected: string;
    readonly tolerance: string;
    readonly withinTolerance: string;
    readonly perSegment: string;
    readonly segment: string;
    readonly customerVisible: string;
    readonly basePath: string;
    readonly basePathNote: string;
    readonly noTouchpoints: string;
    readonly touchpoint: string;
    readonly stage: string;
    readonly channel: string;
    readonly distance: string;
    readonly meets: string;
    readonly evidence: string;
    readonly momentOfTruth: string;
    readonly selfService: string;
    readonly none: string;
    readonly noFailPoints: string;
    readonly failPointsCovered: (covered: number, total: number, share: string) => string;
    readonly covered: string;
    readonly cause: string;
    readonly onMomentOfTruth: string;
    readonly noMetrics: string;
    readonly metric: string;
    readonly measuredOn: string;
    readonly target: string;
    readonly wholeProcess: string;
    readonly handOffs: string;
    readonly noHandOffs: string;
    readonly noneShort: string;
    readonly from: string;
    readonly to: string;
    readonly kind: string;
    readonly crossesInternalLine: string;
    readonly returnsToCustomer: string;
    readonly yes: string;
    readonly no: string;
    readonly unknown: string;
    readonly noneDeclared: string;
    readonly exceeded: string;
    readonly within: string;
    readonly noTarget: string;
    readonly atLeastWithoutTime: (time: string, unknownSteps: number) => string;
    readonly timeUnknown: string;
    // The named figures of the time analysis and the rows around them (expected, most likely, worst case).
    readonly figure: string;
    readonly howComputed: string;
    readonly againstStandard: string;
    readonly mostLikelyPath: string;
    readonly worstCase: string;
    readonly worstCaseCriticalPath: string;
    readonly customerWaitingExpected: string;
    readonly customerVisibleExpected: string;
    readonly backstageExpected: string;
    readonly standardExpectedWorst: string;
    readonly exceptionPaths: string;
    readonly branch: string;
    readonly branchChance: string;
    readonly journeyShare: string;
    readonly decisions: string;
    readonly at: string;
    readonly question: string;
    readonly branches: string;
    readonly failureRate: string;
    readonly remedies: string;
    readonly notesAndPolicies: string;
    readonly where: string;
    readonly text: string;
    // Phrases of the time figures, verdicts, remedies and notes (report-content.ts).
    readonly processStandard: (standard: string) => string;
    readonly noStandard: string;
    readonly withinSoFar: string;
    readonly exceededBy: (time: string, atLeast: boolean) => string;
    readonly rateUnknown: string;
    readonly expectedHow: string;
    readonly mostLikelyHow: (share: string) => string;
    readonly worstCaseHow: string;
    readonly recoveryFrom: (cause: string, step: string) => string;
    readonly prevention: string;
    readonly recovery: string;
    readonly pokaYoke: string;
    readonly remedyBy: (steps: string) => string;
    readonly stepsWithoutTimeNote: (steps: string) => string;
    readonly branchesWithoutShares: (steps: string) => string;
    readonly unratedRecovery: (cause: string, step: string) => string;
    readonly reworkNote: (from: string, to: string, repeats: number, worst: number, each: string) => string;
    readonly loopsWithoutRepeat: (loops: string) => string;
    readonly targetWithin: (window: string) => string;
    readonly everyCustomer: string;
    readonly noSteps: string;
    readonly parallel: string;
    readonly joinsAt: (step: string) => string;
    readonly alternatives: string;
    /** A decision's branch share written as a weight (`weight 3`) rather than a percentage. */
    readonly weight: (value: number) => string;
    readonly onlyFirstExceptionPaths: (count: number) => string;
    readonly noStage: string;
    readonly contentKinds: Readonly<Record<'note' | 'policy' | 'emotion', string>>;
}

/** Headings of the change report (`blueprint diff --format markdown`, the editor's change list). */
export interface DiffReportStrings {
    readonly title: (blueprint: string) => string;
    readonly comparing: (before: string, after: string) => string;
    readonly noChanges: string;
    readonly changes: string;
    readonly added: string;
    readonly removed: string;
    readonly changed: string;
    readonly customerVisible: string;
    readonly risks: string;
    readonly risksHeading: string;
    readonly visibleHeading: string;
    readonly hiddenHeading: string;
    readonly more: (count: number) => string;
    /** Heading of the Mermaid picture of the changed region (`diff --mermaid`). */
    readonly diagramHeading: string;
    /** Legend of the unchanged steps drawn next to the changed ones. */
    readonly context: string;
    readonly subjects: Readonly<Record<'blueprint' | 'step' | 'flow' | 'metric' | 'actor' | 'channel' | 'stage' | 'segment' | 'persona' | 'lane' | 'evidence' | 'import', string>>;
    /** The time figures of both versions against the time standard. */
    readonly timeHeading: string;
    readonly before: string;
    readonly after: string;
    readonly expected: string;
    readonly worstCase: string;
    readonly criticalPath: string;
    /** In the new version's column when the critical path did not change. */
    readonly samePath: string;
    readonly unknownTime: string;
    /** A figure, `atLeast` when steps without a time make it a lower bound. */
    readonly timeValue: (time: string, atLeast: boolean) => string;
    /** Against the standard; `flipped` when the verdict is not the old version's. */
    readonly verdict: (standard: string, above: boolean, flipped: boolean) => string;
    readonly standard: string;
    readonly noStandard: string;
    /** The validator's findings that the change brings or clears. */
    readonly checksHeading: string;
    readonly newFinding: string;
    readonly resolvedFinding: string;
    /** Heading and summary of a blueprint that has no old version. */
    readonly newBlueprint: (blueprint: string) => string;
    readonly contents: (steps: number, lanes: string, flows: number, stages: number, touchpoints: number, failPoints: number) => string;
}

/** The legend's entries, by the key of what they explain (the diagram's notation.ts draws their samples). */
export type LegendKey =
    | 'badge:fail' | 'badge:wait' | 'badge:wait-over' | 'badge:duration' | 'badge:duration-over' | 'badge:moment'
    | `badge:emotion-${Feeling}` | 'badge:metric' | 'badge:note'
    | 'chip:actor' | 'chip:channel' | 'chip:segment'
    | 'box:touchpoint' | 'box:evidence' | 'box:independent'
    | 'flow:sequence' | 'flow:two-way' | 'flow:hand-off' | 'flow:escalation' | 'flow:loop' | 'flow:recovery' | 'flow:evidence'
    | 'gateway:exclusive' | 'gateway:parallel'
    | 'line' | 'line:order-penetration';

/** The sentences of the numbered notes below the drawing and of the branch points' tooltips. */
export interface DiagramNoteStrings {
    readonly cause: (cause: string) => string;
    readonly failureRate: (rate: string) => string;
    readonly prevention: (text: string) => string;
    readonly recovery: (text: string) => string;
    /** Appended to a remedy: its poka-yoke type. */
    readonly pokaYoke: (type: string) => string;
    /** Appended to a remedy: the steps that carry it out. */
    readonly bySteps: (steps: string) => string;
    readonly noRemedy: string;
    readonly target: (target: string) => string;
    readonly noTarget: string;
    readonly measuredOn: (steps: string) => string;
    readonly wholeProcess: string;
    readonly momentOfTruth: (reason: string) => string;
    readonly emotion: (feeling: string, note: string) => string;
    /** Joins a list of step names. */
    readonly listSeparator: string;
    readonly feelings: Readonly<Record<Feeling, string>>;
    readonly pokaYokeTypes: Readonly<Record<PokaYokeType, string>>;
    /** The chip of a variant step: `for Platinum cardholders`. */
    readonly segmentChip: (segment: string) => string;
    /** The legend's chip samples where the drawing has no chip of that kind to show (it shows its first one): neutral words. */
    readonly chipSamples: Readonly<Record<'actor' | 'channel' | 'segment', string>>;
    /** Tooltips of the branch points: the question (if written) and each branch with its share. */
    readonly decision: (question: string | undefined, branches: string) => string;
    readonly parallelSplit: (label: string | undefined, branches: string) => string;
    readonly parallelJoin: (step: string) => string;
}

/** The tooltips of a step's badges and chips (an SVG `<title>`, the preview's tooltip, what a screen reader hears). */
export interface DiagramTooltipStrings {
    readonly failPoint: (ref: string, cause: string) => string;
    readonly wait: (expected: string | undefined, tolerance: string | undefined, over: boolean) => string;
    readonly duration: (expected: string, tolerance: string | undefined, over: boolean) => string;
    readonly moment: string;
    readonly metric: (ref: string, label: string, target: string | undefined) => string;
    readonly notes: (ref: string) => string;
    readonly actor: (name: string) => string;
    readonly channel: (name: string) => string;
    readonly segment: (name: string) => string;
    /** Joins the tooltips of several fail points or metrics on one badge. */
    readonly separator: string;
}

/**
 * The preview's hover card on a step: headings, bold lead-ins and the sentences around what the
 * author wrote (the card also says what `tooltips` and `notes` say, with their strings).
 */
export interface DiagramHoverCardStrings {
    /** A bold lead-in with its punctuation: `Cause: `, `原因：`. */
    readonly lead: (word: string) => string;
    /** Joins names in a line (segments, a remedy's steps). */
    readonly list: (names: readonly string[]) => string;
    /** The subtitle's parts after the lane and the stage. */
    readonly by: (name: string) => string;
    readonly via: (name: string) => string;
    readonly for: (segments: string) => string;
    readonly evidence: string;
    /** An evidence card's step. */
    readonly seenAt: (step: string) => string;
    readonly time: string;
    readonly duration: string;
    readonly durationText: (expected: string, standard: string | undefined, over: boolean) => string;
    readonly wait: string;
    readonly waitText: (expected: string | undefined, tolerance: string | undefined, over: boolean) => string;
    readonly failPoint: (ref: string) => string;
    readonly cause: string;
    readonly failureRate: string;
    readonly prevention: string;
    readonly recovery: string;
    readonly metric: (label: string, target: string | undefined) => string;
}

/** Titles, legend and note texts the diagram draws below the blueprint, and its process-time line. */
export interface DiagramStrings {
    readonly legend: string;
    readonly footnotes: Readonly<Record<'fail' | 'metric' | 'note', string>>;
    readonly longestPath: (total: string, standard: string, atLeast: boolean, exceeded: boolean) => string;
    /** Where branches, failure rates or repeats make the expected time differ from the worst case. */
    readonly expectedAndWorst: (expected: string, worst: string, standard: string, atLeast: boolean, expectedOver: boolean, worstOver: boolean) => string;
    readonly legendEntries: Readonly<Record<LegendKey, string>>;
    /** The Mermaid export's legend: its classes by the badge each marks (`F`, `W`, `MOT`) and the evidence boxes. */
    readonly mermaidLegend: Readonly<Record<'fail' | 'wait' | 'moment' | 'evidence' | 'recovery', string>>;
    readonly notes: DiagramNoteStrings;
    /** Emotion badges say what their legend entry says (`legendEntries['badge:emotion-…']`). */
    readonly tooltips: DiagramTooltipStrings;
    readonly hoverCard: DiagramHoverCardStrings;
}

/**
 * Column headers of the workbook (`blueprint export --format xlsx|csv`) beyond the review's own
 * headings; `blueprint import` also recognises them, in every language.
 */
export interface WorkbookStrings {
    readonly id: string;
    readonly actor: string;
    readonly duration: string;
    readonly durationTolerance: string;
    readonly wait: string;
    readonly waitTolerance: string;
    readonly failPoint: string;
    readonly prevention: string;
    readonly preventionPokaYoke: string;
    readonly preventionSteps: string;
    readonly recovery: string;
    readonly recoveryPokaYoke: string;
    readonly recoverySteps: string;
    readonly emotion: string;
    readonly notes: string;
    readonly policies: string;
    readonly next: string;
    /** The branching blocks a step starts (`decision "Resolved?"`, `parallel "…" join X`). */
    readonly decision: string;
    /** `start`, `end`, `independent`. */
    readonly markers: string;
    /** The service standards measured on a step. */
    readonly metrics: string;
    readonly selfService: string;
    readonly failPointCount: string;
    readonly comparator: string;
    readonly targetValue: string;
    readonly unit: string;
    readonly within: string;
    readonly total: string;
    readonly waiting: string;
    readonly visible: string;
    readonly backstage: string;
    readonly unknownSteps: string;
    readonly standard: string;
    readonly fromId: string;
    readonly toId: string;
    /** The sheet of the blueprint's own names (its id and title, the stages', actors', channels' and segments' ids), which the import reads back. */
    readonly namesSheet: string;
    readonly label: string;
}

export interface Localisation {
    readonly language: LanguageCode;
    readonly lanes: Readonly<Record<StandardLaneKind, string>>;
    readonly lines: Readonly<Record<LineKind, string>>;
    /** Labels of the built-in channels (workspace/builtin-library.ts), by name. */
    readonly channels: Readonly<Record<BuiltinChannel, string>>;
    /** A channel's distance (`remote`, `phone`, `face-to-face`) as the report's tables write it. */
    readonly distances: Readonly<Record<ChannelDistance, string>>;
    /** The kinds of flow (`hand-off`, `escalation`…) as the report's tables write them. */
    readonly flowKinds: Readonly<Record<FlowKind, string>>;
    readonly serviceReport: ServiceReportStrings;
    readonly diffReport: DiffReportStrings;
    readonly diagram: DiagramStrings;
    readonly workbook: WorkbookStrings;
}

const en: Localisation = {
    language: 'en',
    distances: { remote: 'remote', phone: 'phone', 'face-to-face': 'face-to-face' },
    flowKinds: { sequence: 'sequence', 'two-way': 'two-way', 'hand-off': 'hand-off', escalation: 'escalation' },
    workbook: {
        id: 'Id', actor: 'Actor', duration: 'Duration (min)', durationTolerance: 'Duration tolerance (min)', wait: 'Wait (min)',
        waitTolerance: 'Wait tolerance (min)', failPoint: 'Fail point', prevention: 'Prevention', preventionPokaYoke: 'Prevention poka-yoke',
        preventionSteps: 'Prevention steps', recovery: 'Recovery', recoveryPokaYoke: 'Recovery poka-yoke', recoverySteps: 'Recovery steps',
        emotion: 'Emotion', notes: 'Notes', policies: 'Policies', next: 'Next', decision: 'Decision', markers: 'Markers', metrics: 'Metrics', selfService: 'Self-service', failPointCount: 'Fail points',
        comparator: 'Comparator', targetValue: 'Target value', unit: 'Unit', within: 'Within (s)', total: 'Total (min)',
        waiting: 'Customer waiting (min)', visible: 'Customer-visible (min)', backstage: 'Backstage (min)', unknownSteps: 'Steps without a time',
        standard: 'Time standard (min)', fromId: 'From id', toId: 'To id',
        namesSheet: 'Names', label: 'Label'
    },
    lanes: {
        evidence: 'Physical evidence',
        customer: 'Customer actions',
        frontstage: 'Frontstage actions',
        backstage: 'Backstage actions',
        support: 'Support processes'
    },
    lines: {
        interaction: 'Line of interaction',
        visibility: 'Line of visibility',
        internal: 'Line of internal interaction',
        'order-penetration': 'Line of order penetration',
        implementation: 'Line of implementation'
    },
    channels: {
        branch: 'Branch', onsite: 'On-site visit', store: 'Store', hotline: 'Hotline', ivr: 'IVR', app: 'Mobile app', web: 'Web',
        atm: 'ATM', kiosk: 'Self-service terminal', sms: 'SMS', email: 'Email', chat: 'Chat', mail: 'Post'
    },
    diagram: {
        legend: 'Legend',
        footnotes: { fail: 'Fail points', metric: 'Service standards', note: 'Notes' },
        longestPath: (total, standard, atLeast, exceeded) => `Longest path: ${atLeast ? 'at least ' : ''}${total}, `
            + (exceeded ? `above the ${standard} time standard` : `within the ${standard} time standard`),
        expectedAndWorst: (expected, worst, standard, atLeast, expectedOver, worstOver) => `Expected ${atLeast ? 'at least ' : ''}${expected}, `
            + `${expectedOver ? 'above' : 'within'} the ${standard} time standard · worst case ${atLeast ? 'at least ' : ''}${worst}${worstOver && !expectedOver ? ' (above it)' : ''}`,
        legendEntries: {
            'badge:fail': 'Fail point, numbered: cause, failure rate, prevention and recovery under Fail points below',
            'badge:wait': 'Wait point: expected wait ≤ the tolerance the customer accepts',
            'badge:wait-over': 'Wait beyond its tolerance: longer than customers accept',
            'badge:duration': 'Duration of the step ≤ its time standard (tolerance)',
            'badge:duration-over': 'Step above its time standard',
            'badge:moment': 'Moment of truth: the customer forms a judgement here',
            'badge:emotion-delighted': 'Customer emotion: delighted',
            'badge:emotion-positive': 'Customer emotion: positive',
            'badge:emotion-neutral': 'Customer emotion: neutral',
            'badge:emotion-negative': 'Customer emotion: negative',
            'badge:emotion-frustrated': 'Customer emotion: frustrated',
            'badge:metric': 'Service standard (KPI) measured here, with its target under Service standards below',
            'badge:note': 'Notes on the step (moment of truth, emotion, remarks) under Notes below',
            'chip:actor': 'Who performs the step (actor or system)',
            'chip:channel': 'Channel the step uses',
            'chip:segment': 'Variant: only for this customer segment (dashed box)',
            'box:touchpoint': 'Touchpoint: a customer step that meets the provider (bold border)',
            'box:evidence': 'Physical evidence: what the customer sees or receives',
            'box:independent': 'Customer-independent step: done before or apart from any customer order (grey box)',
            'flow:sequence': 'Flow: the next step',
            'flow:two-way': 'Two-way flow: a conversation',
            'flow:hand-off': 'Hand-off between people or units',
            'flow:escalation': 'Escalation (to the second line)',
            'flow:loop': 'Loop: the process repeats from here',
            'flow:recovery': 'Recovery: the corrective sub-process of a fail point',
            'flow:evidence': 'Physical evidence the step shows',
            'gateway:exclusive': 'Decision: one of the branches is taken, each with its share',
            'gateway:parallel': 'Parallel work: the branches run at the same time and meet again at a +',
            'line': 'Line between lanes (interaction, visibility, internal interaction), named along it',
            'line:order-penetration': 'Line of order penetration: below it, work done independently of any customer order'
        },
        mermaidLegend: { fail: 'F fail point', wait: 'W wait point', moment: 'MOT moment of truth', evidence: 'physical evidence', recovery: 'recovery: the corrective sub-process of a fail point' },
        hoverCard: {
            lead: word => `${word}: `,
            list: names => names.join(', '),
            by: name => `by ${name}`,
            via: name => `via ${name}`,
            for: segments => `for ${segments}`,
            evidence: 'Physical evidence',
            seenAt: step => `Seen at: ${step}`,
            time: 'Time',
            duration: 'Duration',
            durationText: (expected, standard, over) => `${expected}${standard ? `, standard ${standard}` : ''}${over ? ' — above its standard' : ''}`,
            wait: 'Wait',
            waitText: (expected, tolerance, over) => `${expected ?? 'no expected time'}${tolerance ? `, tolerance ${tolerance}` : ''}${over ? ' — beyond its tolerance' : ''}`,
            failPoint: ref => `Fail point ${ref}`,
            cause: 'Cause',
            failureRate: 'Failure rate',
            prevention: 'Prevention',
            recovery: 'Recovery',
            metric: (label, target) => `${label}${target ? ` — target ${target}` : ''}`
        },
        tooltips: {
            failPoint: (ref, cause) => `Fail point ${ref}: ${cause}`,
            wait: (expected, tolerance, over) => `Wait point${expected ? `: expected ${expected}` : ''}${tolerance ? `, tolerance ${tolerance}` : ''}${over ? ' (beyond its tolerance)' : ''}`,
            duration: (expected, tolerance, over) => `Duration ${expected}${tolerance ? `, standard ${tolerance}` : ''}${over ? ' (above its standard)' : ''}`,
            moment: 'Moment of truth',
            metric: (ref, label, target) => `${ref} ${label}${target ? ` (target ${target})` : ''}`,
            notes: ref => `Notes: ${ref}`,
            actor: name => `By ${name}`,
            channel: name => `Channel: ${name}`,
            segment: name => `Only for ${name}`,
            separator: '; '
        },
        notes: {
            cause: cause => `Cause: ${cause}`,
            failureRate: rate => `Failure rate: ${rate}`,
            prevention: text => `Prevention: ${text}`,
            recovery: text => `Recovery: ${text}`,
            pokaYoke: type => ` (poka-yoke: ${type})`,
            bySteps: steps => ` → steps: ${steps}`,
            noRemedy: 'No prevention or recovery written.',
            target: target => `Target: ${target}`,
            noTarget: 'No target written.',
            measuredOn: steps => `Measured on: ${steps}`,
            wholeProcess: 'the whole process',
            momentOfTruth: reason => `Moment of truth: ${reason}`,
            emotion: (feeling, note) => `Emotion (${feeling}): ${note}`,
            listSeparator: '; ',
            feelings: { delighted: 'delighted', positive: 'positive', neutral: 'neutral', negative: 'negative', frustrated: 'frustrated' },
            pokaYokeTypes: { task: 'task', treatment: 'treatment', tangible: 'tangible', preparation: 'preparation', encounter: 'encounter', resolution: 'resolution' },
            segmentChip: segment => `for ${segment}`,
            chipSamples: { actor: 'Staff', channel: 'Phone', segment: 'for VIP' },
            decision: (question, branches) => `Decision${question ? `: ${question}` : ''} (${branches})`,
            parallelSplit: (label, branches) => `Parallel work${label ? `: ${label}` : ''} (${branches})`,
            parallelJoin: step => `The parallel branches meet at ${step}`
        }
    },
    serviceReport: {
        title: blueprint => `Service review: ${blueprint}`,
        steps: 'Steps', touchpoints: 'Touchpoints', momentsOfTruth: 'Moments of truth', failPoints: 'Fail points',
        waitPoints: 'Wait points', serviceStandards: 'Service standards', diagram: 'Blueprint',
        time: 'Time', noPath: 'No path from the start could be followed.',
        expectedTotal: 'Expected total (critical path)', customerWaiting: 'Customer waiting',
        customerVisibleTime: 'Customer-visible time', backstageTime: 'Backstage time',
        processTolerance: 'Time standard for the whole process', stepsWithoutTime: 'Steps without a time',
        loopsNotSummed: 'Loops (not summed)', criticalPath: 'Critical path',
        step: 'Step', lane: 'Lane', stepTime: 'Time', cumulative: 'Cumulative', waitSuffix: '(wait)',
        allPaths: 'All paths', path: 'Path', total: 'Total', waiting: 'Waiting', visible: 'Visible', backstage: 'Backstage',
        onlyFirstPaths: count => `Only the first ${count} paths are listed.`,
        expected: 'Expected', tolerance: 'Tolerance', withinTolerance: 'Within tolerance',
        perSegment: 'Per customer segment', segment: 'Segment', customerVisible: 'Customer-visible',
        basePath: 'base path (all customers)',
        basePathNote: 'The base path follows only the steps shared by every segment; steps marked `for` a segment count in that segment\'s row.',
        noTouchpoints: 'No touchpoints.', touchpoint: 'Touchpoint', stage: 'Stage', channel: 'Channel', distance: 'Distance',
        meets: 'Meets', evidence: 'Evidence', momentOfTruth: 'Moment of truth', selfService: '(self-service)', none: 'none',
        noFailPoints: 'No fail points declared.',
        failPointsCovered: (covered, total, share) => `${covered} of ${total} fail points have a prevention or a recovery (${share}).`,
        covered: 'Covered', cause: 'Cause', onMomentOfTruth: 'On a moment of truth',
        noMetrics: 'No metrics declared.', metric: 'Metric', measuredOn: 'Measured on', target: 'Target', wholeProcess: 'the whole process',
        handOffs: 'Hand-offs and escalations',
        noHandOffs: 'No hand-offs across the line of internal interaction and no escalations.', noneShort: 'None.',
        from: 'From', to: 'To', kind: 'Kind', crossesInternalLine: 'Crosses the line of internal interaction',
        returnsToCustomer: 'Returns to the customer', yes: 'yes', no: 'no',
        unknown: 'unknown', noneDeclared: 'none declared', exceeded: 'exceeded', within: 'within', noTarget: 'no target',
        atLeastWithoutTime: (time, n) => `≥ ${time} (${n} step${n === 1 ? '' : 's'} without a time)`,
        timeUnknown: 'time unknown',
        figure: 'Figure', howComputed: 'How it is computed', againstStandard: 'Against the time standard', mostLikelyPath: 'Most likely path',
        worstCase: 'Worst case', worstCaseCriticalPath: 'Worst case (critical path)', customerWaitingExpected: 'Customer waiting (expected)', customerVisibleExpected: 'Customer-visible (expected)',
        backstageExpected: 'Backstage (expected)', standardExpectedWorst: 'Time standard (expected / worst case)', exceptionPaths: 'Exception paths', branch: 'Branch',
        branchChance: 'Chance of the branch', journeyShare: 'Share of journeys', decisions: 'Decisions and parallel work', at: 'At',
        question: 'Question', branches: 'Branches', failureRate: 'Failure rate', remedies: 'Remedies',
        notesAndPolicies: 'Notes and policies', where: 'Where', text: 'Text',
        processStandard: standard => `Time standard for the whole process: ${standard}.`,
        noStandard: 'no standard', withinSoFar: 'within so far',
        exceededBy: (time, atLeast) => `exceeded by ${atLeast ? 'at least ' : ''}${time}`,
        rateUnknown: 'rate unknown',
        expectedHow: 'alternatives weighted by their shares, recoveries by their failure rates, rework by its repeats',
        mostLikelyHow: share => `${share} of journeys`,
        worstCaseHow: 'the longest path, every branch and recovery allowed',
        recoveryFrom: (cause, step) => `Recovery from "${cause}" at ${step}`,
        prevention: 'prevention', recovery: 'recovery', pokaYoke: 'poka-yoke', remedyBy: steps => `by ${steps}`,
        stepsWithoutTimeNote: steps => `Steps without a time (figures are lower bounds): ${steps}`,
        branchesWithoutShares: steps => `Branches without shares, counted as parallel work: after ${steps}`,
        unratedRecovery: (cause, step) => `Recovery from "${cause}" at ${step} has no failure rate: left out of the expected time`,
        reworkNote: (from, to, repeats, worst, each) => `Rework ${from} → ${to}: ${repeats} extra passes expected (worst case ${worst}) of ${each} each`,
        loopsWithoutRepeat: loops => `Loops without a repeat, not summed: ${loops}`,
        targetWithin: window => ` within ${window}`,
        everyCustomer: 'every customer (base path)', noSteps: '(no steps)',
        parallel: 'parallel', joinsAt: step => `joins at ${step}`, alternatives: 'alternatives', weight: value => `weight ${value}`,
        onlyFirstExceptionPaths: count => `Only the first ${count} exception paths are listed.`,
        noStage: '(no stage)',
        contentKinds: { note: 'note', policy: 'policy', emotion: 'emotion' }
    },
    diffReport: {
        title: blueprint => `Blueprint changes: ${blueprint}`,
        comparing: (before, after) => `Comparing ${before} → ${after}`,
        noChanges: 'No semantic changes (formatting or comments only).',
        changes: 'Changes', added: 'Added', removed: 'Removed', changed: 'Changed', customerVisible: 'Customer-visible', risks: 'Risks',
        risksHeading: '⚠️ Risks for the customer',
        visibleHeading: '👁️ Customer-visible (above the line of visibility)',
        hiddenHeading: '⚙️ Behind the line of visibility and housekeeping',
        more: count => `${count} more`,
        diagramHeading: 'The changed region', context: 'Unchanged neighbour',
        subjects: {
            blueprint: 'Blueprint', step: 'Steps', flow: 'Flows', metric: 'Metrics and service standards', actor: 'Actors and systems',
            channel: 'Channels', stage: 'Stages', segment: 'Customer segments', persona: 'Personas', lane: 'Lanes', evidence: 'Evidence',
            import: 'Imports'
        },
        timeHeading: '⏱️ Time against the standard', before: 'Before', after: 'After', expected: 'Expected', worstCase: 'Worst case',
        criticalPath: 'Critical path (worst case)', samePath: 'the same', unknownTime: 'unknown',
        timeValue: (time, atLeast) => `${atLeast ? 'at least ' : ''}${time}`,
        verdict: (standard, above, flipped) => `${flipped ? '**now ' : ''}${above ? 'above' : 'within'} the ${standard} standard${flipped ? '**' : ''}`,
        standard: 'Time standard', noStandard: 'none',
        checksHeading: '🩺 Findings of `blueprint check`', newFinding: 'New', resolvedFinding: 'Resolved',
        newBlueprint: blueprint => `New blueprint: ${blueprint}`,
        contents: (steps, lanes, flows, stages, touchpoints, failPoints) => `${steps} step${steps === 1 ? '' : 's'} (${lanes}), ${flows} flow${flows === 1 ? '' : 's'}, `
            + `${stages} stage${stages === 1 ? '' : 's'}, ${touchpoints} touchpoint${touchpoints === 1 ? '' : 's'}, ${failPoints} fail point${failPoints === 1 ? '' : 's'}.`
    }
};

const zh: Localisation = {
    language: 'zh',
    distances: { remote: '远程', phone: '电话', 'face-to-face': '面对面' },
    flowKinds: { sequence: '顺序', 'two-way': '双向', 'hand-off': '交接', escalation: '升级' },
    workbook: {
        id: '标识', actor: '执行者', duration: '时长（分钟）', durationTolerance: '时长容忍度（分钟）', wait: '等待（分钟）',
        waitTolerance: '等待容忍度（分钟）', failPoint: '失败点', prevention: '预防', preventionPokaYoke: '预防防错类型',
        preventionSteps: '预防步骤', recovery: '补救', recoveryPokaYoke: '补救防错类型', recoverySteps: '补救步骤',
        emotion: '情绪', notes: '备注', policies: '政策', next: '下一步', decision: '分支', markers: '标记', metrics: '指标', selfService: '自助', failPointCount: '失败点数',
        comparator: '比较符', targetValue: '目标值', unit: '单位', within: '时限（秒）', total: '合计（分钟）',
        waiting: '顾客等待（分钟）', visible: '顾客可见（分钟）', backstage: '后台（分钟）', unknownSteps: '未标注时间的步骤',
        standard: '时间标准（分钟）', fromId: '起点标识', toId: '终点标识',
        namesSheet: '名称', label: '显示名称'
    },
    lanes: {
        evidence: '有形展示',
        customer: '顾客行为',
        frontstage: '前台员工行为',
        backstage: '后台员工行为',
        support: '支持过程'
    },
    lines: {
        interaction: '外部互动分界线',
        visibility: '可视分界线',
        internal: '内部互动分界线',
        'order-penetration': '订单渗透线',
        implementation: '执行分界线'
    },
    channels: {
        branch: '网点', onsite: '现场服务', store: '门店', hotline: '服务热线', ivr: '语音自助', app: '手机应用', web: '网站',
        atm: 'ATM', kiosk: '自助终端', sms: '短信', email: '电子邮件', chat: '在线客服', mail: '邮寄'
    },
    diagram: {
        legend: '图例',
        footnotes: { fail: '失败点', metric: '服务标准', note: '备注' },
        longestPath: (total, standard, atLeast, exceeded) => `最长路径：${atLeast ? '至少 ' : ''}${total}，`
            + (exceeded ? `超出 ${standard} 的时间标准` : `在 ${standard} 的时间标准之内`),
        expectedAndWorst: (expected, worst, standard, atLeast, expectedOver, worstOver) => `预期：${atLeast ? '至少 ' : ''}${expected}，`
            + (expectedOver ? `超出 ${standard} 的时间标准` : `在 ${standard} 的时间标准之内`) + ` · 最坏情况：${atLeast ? '至少 ' : ''}${worst}${worstOver && !expectedOver ? '（超出）' : ''}`,
        legendEntries: {
            'badge:fail': '失败点（编号）：原因、失败率、预防与补救见下方“失败点”',
            'badge:wait': '等待点：预计等待 ≤ 顾客可接受的容忍时间',
            'badge:wait-over': '等待超出容忍时间：超过顾客可接受的程度',
            'badge:duration': '步骤用时 ≤ 其时间标准（容忍度）',
            'badge:duration-over': '步骤用时超出其时间标准',
            'badge:moment': '关键时刻：顾客在此形成判断',
            'badge:emotion-delighted': '顾客情绪：惊喜',
            'badge:emotion-positive': '顾客情绪：正面',
            'badge:emotion-neutral': '顾客情绪：中性',
            'badge:emotion-negative': '顾客情绪：负面',
            'badge:emotion-frustrated': '顾客情绪：沮丧',
            'badge:metric': '在此测量的服务标准（KPI），目标见下方“服务标准”',
            'badge:note': '步骤备注（关键时刻、情绪、说明）见下方“备注”',
            'chip:actor': '执行该步骤的人员或系统',
            'chip:channel': '该步骤使用的渠道',
            'chip:segment': '变体：仅适用于该顾客群体（虚线框）',
            'box:touchpoint': '接触点：顾客与服务方接触的顾客步骤（粗边框）',
            'box:evidence': '有形展示：顾客看到或得到的东西',
            'box:independent': '与顾客无关的步骤：在任何顾客订单之前或之外完成（灰色框）',
            'flow:sequence': '流程：下一步',
            'flow:two-way': '双向流程：一次对话',
            'flow:hand-off': '人员或部门之间的交接',
            'flow:escalation': '升级（转至二线）',
            'flow:loop': '循环：流程从此处重复',
            'flow:recovery': '补救：失败点的纠正子流程',
            'flow:evidence': '该步骤展示的有形展示',
            'gateway:exclusive': '决策：只走其中一个分支，各有其比例',
            'gateway:parallel': '并行工作：各分支同时进行，并在 + 处汇合',
            'line': '泳道之间的分界线（外部互动、可视、内部互动），名称标在线上',
            'line:order-penetration': '订单渗透线：线下为独立于任何顾客订单的工作'
        },
        mermaidLegend: { fail: 'F 失败点', wait: 'W 等待点', moment: 'MOT 关键时刻', evidence: '有形展示', recovery: '补救：失败点的纠正子流程' },
        hoverCard: {
            lead: word => `${word}：`,
            list: names => names.join('、'),
            by: name => `执行者：${name}`,
            via: name => `渠道：${name}`,
            for: segments => `仅限${segments}`,
            evidence: '有形展示',
            seenAt: step => `所属步骤：${step}`,
            time: '时间',
            duration: '用时',
            durationText: (expected, standard, over) => `${expected}${standard ? `，时间标准 ${standard}` : ''}${over ? '（超出时间标准）' : ''}`,
            wait: '等待',
            waitText: (expected, tolerance, over) => `${expected ?? '未写明预计时间'}${tolerance ? `，容忍时间 ${tolerance}` : ''}${over ? '（超出容忍时间）' : ''}`,
            failPoint: ref => `失败点 ${ref}`,
            cause: '原因',
            failureRate: '失败率',
            prevention: '预防',
            recovery: '补救',
            metric: (label, target) => `${label}${target ? `（目标 ${target}）` : ''}`
        },
        tooltips: {
            failPoint: (ref, cause) => `失败点 ${ref}：${cause}`,
            wait: (expected, tolerance, over) => `等待点${expected ? `：预计 ${expected}` : ''}${tolerance ? `，容忍时间 ${tolerance}` : ''}${over ? '（超出容忍时间）' : ''}`,
            duration: (expected, tolerance, over) => `用时 ${expected}${tolerance ? `，时间标准 ${tolerance}` : ''}${over ? '（超出时间标准）' : ''}`,
            moment: '关键时刻',
            metric: (ref, label, target) => `${ref} ${label}${target ? `（目标 ${target}）` : ''}`,
            notes: ref => `备注：${ref}`,
            actor: name => `执行者：${name}`,
            channel: name => `渠道：${name}`,
            segment: name => `仅限${name}`,
            separator: '；'
        },
        notes: {
            cause: cause => `原因：${cause}`,
            failureRate: rate => `失败率：${rate}`,
            prevention: text => `预防：${text}`,
            recovery: text => `补救：${text}`,
            pokaYoke: type => `（防错类型：${type}）`,
            bySteps: steps => `（执行步骤：${steps}）`,
            noRemedy: '未写明预防或补救措施。',
            target: target => `目标：${target}`,
            noTarget: '未写明目标。',
            measuredOn: steps => `测量对象：${steps}`,
            wholeProcess: '整个流程',
            momentOfTruth: reason => `关键时刻：${reason}`,
            emotion: (feeling, note) => `情绪（${feeling}）：${note}`,
            listSeparator: '、',
            feelings: { delighted: '惊喜', positive: '正面', neutral: '中性', negative: '负面', frustrated: '沮丧' },
            pokaYokeTypes: { task: '任务', treatment: '接待', tangible: '有形', preparation: '准备', encounter: '接触', resolution: '结果' },
            segmentChip: segment => `仅限${segment}`,
            chipSamples: { actor: '职员', channel: '电话', segment: '仅限贵宾' },
            decision: (question, branches) => `决策${question ? `：${question}` : ''}（${branches}）`,
            parallelSplit: (label, branches) => `并行工作${label ? `：${label}` : ''}（${branches}）`,
            parallelJoin: step => `并行分支在 ${step} 汇合`
        }
    },
    serviceReport: {
        title: blueprint => `服务评审：${blueprint}`,
        steps: '步骤', touchpoints: '接触点', momentsOfTruth: '关键时刻', failPoints: '失败点',
        waitPoints: '等待点', serviceStandards: '服务标准', diagram: '服务蓝图',
        time: '时间', noPath: '无法从起点追踪出任何路径。',
        expectedTotal: '预计总时长（关键路径）', customerWaiting: '顾客等待',
        customerVisibleTime: '顾客可见时间', backstageTime: '后台时间',
        processTolerance: '全流程时间标准', stepsWithoutTime: '未标注时间的步骤',
        loopsNotSummed: '循环（未计入）', criticalPath: '关键路径',
        step: '步骤', lane: '泳道', stepTime: '时间', cumulative: '累计', waitSuffix: '（等待）',
        allPaths: '全部路径', path: '路径', total: '合计', waiting: '等待', visible: '可见', backstage: '后台',
        onlyFirstPaths: count => `仅列出前 ${count} 条路径。`,
        expected: '预计', tolerance: '容忍度', withinTolerance: '在容忍范围内',
        perSegment: '按顾客细分', segment: '细分', customerVisible: '顾客可见',
        basePath: '基本路径（所有顾客）',
        basePathNote: '基本路径只包含所有细分共有的步骤；标注 `for` 某细分的步骤计入该细分那一行。',
        noTouchpoints: '没有接触点。', touchpoint: '接触点', stage: '阶段', channel: '渠道', distance: '距离',
        meets: '接触对象', evidence: '有形展示', momentOfTruth: '关键时刻', selfService: '（自助）', none: '无',
        noFailPoints: '未声明失败点。',
        failPointsCovered: (covered, total, share) => `${total} 个失败点中有 ${covered} 个有预防或补救措施（${share}）。`,
        covered: '已覆盖', cause: '原因', onMomentOfTruth: '位于关键时刻',
        noMetrics: '未声明指标。', metric: '指标', measuredOn: '测量对象', target: '目标', wholeProcess: '整个流程',
        handOffs: '交接与升级',
        noHandOffs: '没有跨越内部互动分界线的交接，也没有升级。', noneShort: '无。',
        from: '从', to: '到', kind: '类型', crossesInternalLine: '跨越内部互动分界线',
        returnsToCustomer: '回到顾客', yes: '是', no: '否',
        unknown: '未知', noneDeclared: '未声明', exceeded: '超出', within: '未超出', noTarget: '无目标',
        atLeastWithoutTime: (time, n) => `≥ ${time}（${n} 个步骤未标注时间）`,
        timeUnknown: '时间未知',
        figure: '数值', howComputed: '计算方式', againstStandard: '对照时间标准', mostLikelyPath: '最可能路径',
        worstCase: '最坏情况', worstCaseCriticalPath: '最坏情况（关键路径）', customerWaitingExpected: '顾客等待（预计）', customerVisibleExpected: '顾客可见（预计）',
        backstageExpected: '后台（预计）', standardExpectedWorst: '时间标准（预计 / 最坏情况）', exceptionPaths: '例外路径', branch: '分支',
        branchChance: '分支概率', journeyShare: '占全部旅程的比例', decisions: '决策与并行工作', at: '位置',
        question: '问题', branches: '分支', failureRate: '失败率', remedies: '补救措施',
        notesAndPolicies: '备注与政策', where: '位置', text: '内容',
        processStandard: standard => `全流程时间标准：${standard}。`,
        noStandard: '无标准', withinSoFar: '目前未超出',
        exceededBy: (time, atLeast) => `超出${atLeast ? '至少' : ''} ${time}`,
        rateUnknown: '概率未知',
        expectedHow: '备选分支按占比加权，补救按失败率加权，返工按重复次数计算',
        mostLikelyHow: share => `占全部旅程的 ${share}`,
        worstCaseHow: '最长路径，计入所有分支和补救',
        recoveryFrom: (cause, step) => `${step}处“${cause}”的补救`,
        prevention: '预防', recovery: '补救', pokaYoke: '防错', remedyBy: steps => `执行步骤：${steps}`,
        stepsWithoutTimeNote: steps => `未标注时间的步骤（数值为下限）：${steps}`,
        branchesWithoutShares: steps => `未标注占比的分支，按并行工作计算：位于 ${steps} 之后`,
        unratedRecovery: (cause, step) => `${step}处“${cause}”的补救没有失败率：未计入预计时长`,
        reworkNote: (from, to, repeats, worst, each) => `返工 ${from} → ${to}：预计额外 ${repeats} 次（最坏情况 ${worst} 次），每次 ${each}`,
        loopsWithoutRepeat: loops => `未标注重复次数的循环（未计入）：${loops}`,
        targetWithin: window => `（${window} 内）`,
        everyCustomer: '所有顾客（基本路径）', noSteps: '（无步骤）',
        parallel: '并行', joinsAt: step => `在 ${step} 汇合`, alternatives: '择一', weight: value => `权重 ${value}`,
        onlyFirstExceptionPaths: count => `仅列出前 ${count} 条例外路径。`,
        noStage: '（无阶段）',
        contentKinds: { note: '备注', policy: '政策', emotion: '情绪' }
    },
    diffReport: {
        title: blueprint => `蓝图变更：${blueprint}`,
        comparing: (before, after) => `比较 ${before} → ${after}`,
        noChanges: '没有语义变更（仅格式或注释）。',
        changes: '变更', added: '新增', removed: '删除', changed: '修改', customerVisible: '顾客可见', risks: '风险',
        risksHeading: '⚠️ 对顾客的风险',
        visibleHeading: '👁️ 顾客可见（可视分界线以上）',
        hiddenHeading: '⚙️ 可视分界线以下及其他',
        more: count => `另外 ${count} 项`,
        diagramHeading: '变更区域', context: '未变更的相邻步骤',
        subjects: {
            blueprint: '蓝图', step: '步骤', flow: '流程', metric: '指标与服务标准', actor: '角色与系统',
            channel: '渠道', stage: '阶段', segment: '顾客细分', persona: '用户画像', lane: '泳道', evidence: '有形展示',
            import: '导入'
        },
        timeHeading: '⏱️ 时间与时间标准', before: '变更前', after: '变更后', expected: '预期', worstCase: '最坏情况',
        criticalPath: '关键路径（最坏情况）', samePath: '相同', unknownTime: '未知',
        timeValue: (time, atLeast) => `${atLeast ? '至少 ' : ''}${time}`,
        verdict: (standard, above, flipped) => `${flipped ? '**现已' : ''}${above ? `超出 ${standard} 的时间标准` : `在 ${standard} 的时间标准之内`}${flipped ? '**' : ''}`,
        standard: '时间标准', noStandard: '无',
        checksHeading: '🩺 `blueprint check` 的检查结果', newFinding: '新增', resolvedFinding: '已解决',
        newBlueprint: blueprint => `新蓝图：${blueprint}`,
        contents: (steps, lanes, flows, stages, touchpoints, failPoints) => `${steps} 个步骤（${lanes}），${flows} 条流程，${stages} 个阶段，${touchpoints} 个接触点，${failPoints} 个失败点。`
    }
};

const ja: Localisation = {
    language: 'ja',
    distances: { remote: 'リモート', phone: '電話', 'face-to-face': '対面' },
    flowKinds: { sequence: '順序', 'two-way': '双方向', 'hand-off': '引き継ぎ', escalation: 'エスカレーション' },
    workbook: {
        id: 'ID', actor: '担当', duration: '所要時間（分）', durationTolerance: '所要時間の許容（分）', wait: '待ち（分）',
        waitTolerance: '待ちの許容（分）', failPoint: '失敗ポイント', prevention: '予防', preventionPokaYoke: '予防のポカヨケ',
        preventionSteps: '予防のステップ', recovery: 'リカバリー', recoveryPokaYoke: 'リカバリーのポカヨケ', recoverySteps: 'リカバリーのステップ',
        emotion: '感情', notes: 'メモ', policies: 'ポリシー', next: '次', decision: '分岐', markers: 'マーカー', metrics: '指標', selfService: 'セルフサービス', failPointCount: '失敗ポイント数',
        comparator: '比較', targetValue: '目標値', unit: '単位', within: '以内（秒）', total: '合計（分）',
        waiting: '顧客の待ち時間（分）', visible: '顧客に見える時間（分）', backstage: 'バックステージ（分）', unknownSteps: '時間未設定のステップ',
        standard: '時間基準（分）', fromId: '元のID', toId: '先のID',
        namesSheet: '名前', label: 'ラベル'
    },
    lanes: {
        evidence: '物的証拠',
        customer: '顧客の行動',
        frontstage: 'フロントステージの行動',
        backstage: 'バックステージの行動',
        support: '支援プロセス'
    },
    lines: {
        interaction: '相互作用線',
        visibility: '可視境界線',
        internal: '内部相互作用線',
        'order-penetration': '受注浸透線',
        implementation: '実行線'
    },
    channels: {
        branch: '支店', onsite: '訪問', store: '店舗', hotline: 'コールセンター', ivr: '自動音声応答', app: 'モバイルアプリ', web: 'ウェブ',
        atm: 'ATM', kiosk: 'セルフサービス端末', sms: 'SMS', email: 'メール', chat: 'チャット', mail: '郵送'
    },
    diagram: {
        legend: '凡例',
        footnotes: { fail: '失敗ポイント', metric: 'サービス基準', note: '注記' },
        longestPath: (total, standard, atLeast, exceeded) => `最長経路：${atLeast ? '少なくとも ' : ''}${total}、`
            + (exceeded ? `時間基準 ${standard} を超過` : `時間基準 ${standard} 以内`),
        expectedAndWorst: (expected, worst, standard, atLeast, expectedOver, worstOver) => `期待値：${atLeast ? '少なくとも ' : ''}${expected}、`
            + (expectedOver ? `時間基準 ${standard} を超過` : `時間基準 ${standard} 以内`) + ` · 最悪の場合：${atLeast ? '少なくとも ' : ''}${worst}${worstOver && !expectedOver ? '（超過）' : ''}`,
        legendEntries: {
            'badge:fail': '失敗ポイント（番号付き）：原因・失敗率・予防・回復は下の「失敗ポイント」',
            'badge:wait': '待ちポイント：予想待ち時間 ≤ 顧客の許容時間',
            'badge:wait-over': '許容時間を超える待ち：顧客が受け入れる以上に長い',
            'badge:duration': 'ステップの所要時間 ≤ 時間基準（許容度）',
            'badge:duration-over': '時間基準を超えるステップ',
            'badge:moment': '真実の瞬間：顧客がここで評価を下す',
            'badge:emotion-delighted': '顧客の感情：大満足',
            'badge:emotion-positive': '顧客の感情：肯定的',
            'badge:emotion-neutral': '顧客の感情：中立',
            'badge:emotion-negative': '顧客の感情：否定的',
            'badge:emotion-frustrated': '顧客の感情：不満',
            'badge:metric': 'ここで測るサービス基準（KPI）、目標は下の「サービス基準」',
            'badge:note': 'ステップの注記（真実の瞬間、感情、備考）は下の「注記」',
            'chip:actor': 'ステップを行う人またはシステム',
            'chip:channel': 'ステップが使うチャネル',
            'chip:segment': 'バリエーション：この顧客セグメントのみ（破線の枠）',
            'box:touchpoint': 'タッチポイント：提供者と接する顧客のステップ（太枠）',
            'box:evidence': '物的証拠：顧客が目にするもの、受け取るもの',
            'box:independent': '顧客に依存しないステップ：顧客の注文の前に、または注文と無関係に行う（灰色の枠）',
            'flow:sequence': 'フロー：次のステップ',
            'flow:two-way': '双方向のフロー：対話',
            'flow:hand-off': '人または部署間の引き継ぎ',
            'flow:escalation': 'エスカレーション（二次対応へ）',
            'flow:loop': 'ループ：ここからプロセスを繰り返す',
            'flow:recovery': '回復：失敗ポイントの是正サブプロセス',
            'flow:evidence': 'ステップが示す物的証拠',
            'gateway:exclusive': '判断：いずれか一つの分岐を通る（それぞれの割合付き）',
            'gateway:parallel': '並行作業：分岐は同時に進み、+ で合流する',
            'line': 'レーン間の線（相互作用線、可視線、内部相互作用線）、線上に名前',
            'line:order-penetration': '受注浸透線：その下は顧客の注文と無関係に行う作業'
        },
        mermaidLegend: { fail: 'F 失敗ポイント', wait: 'W 待ちポイント', moment: 'MOT 真実の瞬間', evidence: '物的証拠', recovery: '回復：失敗ポイントの是正サブプロセス' },
        hoverCard: {
            lead: word => `${word}：`,
            list: names => names.join('、'),
            by: name => `担当：${name}`,
            via: name => `チャネル：${name}`,
            for: segments => `${segments}のみ`,
            evidence: '物的証拠',
            seenAt: step => `対応ステップ：${step}`,
            time: '時間',
            duration: '所要時間',
            durationText: (expected, standard, over) => `${expected}${standard ? `、時間基準 ${standard}` : ''}${over ? '（時間基準を超える）' : ''}`,
            wait: '待ち',
            waitText: (expected, tolerance, over) => `${expected ?? '予想時間なし'}${tolerance ? `、許容時間 ${tolerance}` : ''}${over ? '（許容時間を超える）' : ''}`,
            failPoint: ref => `失敗ポイント ${ref}`,
            cause: '原因',
            failureRate: '失敗率',
            prevention: '予防',
            recovery: '回復',
            metric: (label, target) => `${label}${target ? `（目標 ${target}）` : ''}`
        },
        tooltips: {
            failPoint: (ref, cause) => `失敗ポイント ${ref}：${cause}`,
            wait: (expected, tolerance, over) => `待ちポイント${expected ? `：予想 ${expected}` : ''}${tolerance ? `、許容時間 ${tolerance}` : ''}${over ? '（許容時間を超える）' : ''}`,
            duration: (expected, tolerance, over) => `所要時間 ${expected}${tolerance ? `、時間基準 ${tolerance}` : ''}${over ? '（時間基準を超える）' : ''}`,
            moment: '真実の瞬間',
            metric: (ref, label, target) => `${ref} ${label}${target ? `（目標 ${target}）` : ''}`,
            notes: ref => `注記：${ref}`,
            actor: name => `担当：${name}`,
            channel: name => `チャネル：${name}`,
            segment: name => `${name}のみ`,
            separator: '；'
        },
        notes: {
            cause: cause => `原因：${cause}`,
            failureRate: rate => `失敗率：${rate}`,
            prevention: text => `予防：${text}`,
            recovery: text => `回復：${text}`,
            pokaYoke: type => `（ポカヨケ：${type}）`,
            bySteps: steps => `（実施ステップ：${steps}）`,
            noRemedy: '予防策も回復策も書かれていません。',
            target: target => `目標：${target}`,
            noTarget: '目標は書かれていません。',
            measuredOn: steps => `測定対象：${steps}`,
            wholeProcess: 'プロセス全体',
            momentOfTruth: reason => `真実の瞬間：${reason}`,
            emotion: (feeling, note) => `感情（${feeling}）：${note}`,
            listSeparator: '、',
            feelings: { delighted: '大満足', positive: '肯定的', neutral: '中立', negative: '否定的', frustrated: '不満' },
            pokaYokeTypes: { task: 'タスク', treatment: '応対', tangible: '有形', preparation: '準備', encounter: '接触', resolution: '解決' },
            segmentChip: segment => `${segment}のみ`,
            chipSamples: { actor: 'スタッフ', channel: '電話', segment: 'VIPのみ' },
            decision: (question, branches) => `判断${question ? `：${question}` : ''}（${branches}）`,
            parallelSplit: (label, branches) => `並行作業${label ? `：${label}` : ''}（${branches}）`,
            parallelJoin: step => `並行の分岐は ${step} で合流`
        }
    },
    serviceReport: {
        title: blueprint => `サービスレビュー：${blueprint}`,
        steps: 'ステップ', touchpoints: 'タッチポイント', momentsOfTruth: '真実の瞬間', failPoints: '失敗ポイント',
        waitPoints: '待ちポイント', serviceStandards: 'サービス基準', diagram: 'ブループリント',
        time: '時間', noPath: '開始点からたどれる経路がありません。',
        expectedTotal: '想定合計時間（クリティカルパス）', customerWaiting: '顧客の待ち時間',
        customerVisibleTime: '顧客に見える時間', backstageTime: 'バックステージの時間',
        processTolerance: 'プロセス全体の時間基準', stepsWithoutTime: '時間未設定のステップ',
        loopsNotSummed: 'ループ（合計に含めない）', criticalPath: 'クリティカルパス',
        step: 'ステップ', lane: 'レーン', stepTime: '時間', cumulative: '累計', waitSuffix: '（待ち）',
        allPaths: 'すべての経路', path: '経路', total: '合計', waiting: '待ち', visible: '見える', backstage: 'バックステージ',
        onlyFirstPaths: count => `最初の ${count} 経路のみ表示しています。`,
        expected: '想定', tolerance: '許容時間', withinTolerance: '許容範囲内',
        perSegment: '顧客セグメント別', segment: 'セグメント', customerVisible: '顧客に見える',
        basePath: '基本経路（すべての顧客）',
        basePathNote: '基本経路はすべてのセグメントに共通するステップのみをたどります。`for` でセグメントを指定したステップはそのセグメントの行に数えます。',
        noTouchpoints: 'タッチポイントはありません。', touchpoint: 'タッチポイント', stage: '段階', channel: 'チャネル', distance: '距離',
        meets: '対応者', evidence: '物的証拠', momentOfTruth: '真実の瞬間', selfService: '（セルフサービス）', none: 'なし',
        noFailPoints: '失敗ポイントは宣言されていません。',
        failPointsCovered: (covered, total, share) => `失敗ポイント ${total} 件のうち ${covered} 件に予防策または回復策があります（${share}）。`,
        covered: '対策あり', cause: '原因', onMomentOfTruth: '真実の瞬間',
        noMetrics: '指標は宣言されていません。', metric: '指標', measuredOn: '測定対象', target: '目標', wholeProcess: 'プロセス全体',
        handOffs: '引き継ぎとエスカレーション',
        noHandOffs: '内部相互作用線をまたぐ引き継ぎもエスカレーションもありません。', noneShort: 'なし。',
        from: '元', to: '先', kind: '種類', crossesInternalLine: '内部相互作用線をまたぐ',
        returnsToCustomer: '顧客に戻る', yes: 'はい', no: 'いいえ',
        unknown: '不明', noneDeclared: '未宣言', exceeded: '超過', within: '範囲内', noTarget: '目標なし',
        atLeastWithoutTime: (time, n) => `≥ ${time}（時間未設定のステップ ${n} 件）`,
        timeUnknown: '時間不明',
        figure: '指標', howComputed: '計算方法', againstStandard: '時間基準との比較', mostLikelyPath: '最も起こりやすい経路',
        worstCase: '最悪の場合', worstCaseCriticalPath: '最悪の場合（クリティカルパス）', customerWaitingExpected: '顧客の待ち時間（想定）', customerVisibleExpected: '顧客に見える（想定）',
        backstageExpected: 'バックステージ（想定）', standardExpectedWorst: '時間基準（想定 / 最悪の場合）', exceptionPaths: '例外経路', branch: '分岐',
        branchChance: '分岐の確率', journeyShare: '全体に占める割合', decisions: '判断と並行作業', at: '場所',
        question: '問い', branches: '分岐', failureRate: '失敗率', remedies: '対策',
        notesAndPolicies: '注記と方針', where: '場所', text: '内容',
        processStandard: standard => `プロセス全体の時間基準：${standard}。`,
        noStandard: '基準なし', withinSoFar: '現時点では範囲内',
        exceededBy: (time, atLeast) => `${atLeast ? '少なくとも ' : ''}${time} 超過`,
        rateUnknown: '確率不明',
        expectedHow: '選択肢は割合で、回復策は失敗率で、手戻りは繰り返し回数で重み付け',
        mostLikelyHow: share => `全体の ${share}`,
        worstCaseHow: 'すべての分岐と回復策を含めた最長経路',
        recoveryFrom: (cause, step) => `${step}での「${cause}」からの回復`,
        prevention: '予防', recovery: '回復', pokaYoke: 'ポカヨケ', remedyBy: steps => `実施：${steps}`,
        stepsWithoutTimeNote: steps => `時間未設定のステップ（数値は下限）：${steps}`,
        branchesWithoutShares: steps => `割合のない分岐（並行作業として計算）：${steps} の後`,
        unratedRecovery: (cause, step) => `${step}での「${cause}」からの回復には失敗率がないため、想定時間に含めていません`,
        reworkNote: (from, to, repeats, worst, each) => `手戻り ${from} → ${to}：追加 ${repeats} 回を想定（最悪の場合 ${worst} 回）、1 回あたり ${each}`,
        loopsWithoutRepeat: loops => `繰り返し回数のないループ（合計に含めない）：${loops}`,
        targetWithin: window => `（${window} 以内）`,
        everyCustomer: 'すべての顧客（基本経路）', noSteps: '（ステップなし）',
        parallel: '並行', joinsAt: step => `${step} で合流`, alternatives: '選択', weight: value => `重み ${value}`,
        onlyFirstExceptionPaths: count => `最初の ${count} 件の例外経路のみ表示しています。`,
        noStage: '（段階なし）',
        contentKinds: { note: '注記', policy: '方針', emotion: '感情' }
    },
    diffReport: {
        title: blueprint => `ブループリントの変更：${blueprint}`,
        comparing: (before, after) => `比較 ${before} → ${after}`,
        noChanges: '意味上の変更はありません（書式またはコメントのみ）。',
        changes: '変更', added: '追加', removed: '削除', changed: '修正', customerVisible: '顧客に見える', risks: 'リスク',
        risksHeading: '⚠️ 顧客にとってのリスク',
        visibleHeading: '👁️ 顧客に見える変更（可視境界線より上）',
        hiddenHeading: '⚙️ 可視境界線より下とその他',
        more: count => `ほか ${count} 件`,
        diagramHeading: '変更箇所', context: '変更のない隣接ステップ',
        subjects: {
            blueprint: 'ブループリント', step: 'ステップ', flow: 'フロー', metric: '指標とサービス基準', actor: '担当者とシステム',
            channel: 'チャネル', stage: '段階', segment: '顧客セグメント', persona: 'ペルソナ', lane: 'レーン', evidence: '物的証拠',
            import: 'インポート'
        },
        timeHeading: '⏱️ 時間と時間基準', before: '変更前', after: '変更後', expected: '期待値', worstCase: '最悪の場合',
        criticalPath: 'クリティカルパス（最悪の場合）', samePath: '同じ', unknownTime: '不明',
        timeValue: (time, atLeast) => `${atLeast ? '少なくとも ' : ''}${time}`,
        verdict: (standard, above, flipped) => `${flipped ? '**' : ''}${above ? `時間基準 ${standard} を超過` : `時間基準 ${standard} 以内`}${flipped ? '（今回から）**' : ''}`,
        standard: '時間基準', noStandard: 'なし',
        checksHeading: '🩺 `blueprint check` の指摘', newFinding: '新規', resolvedFinding: '解消',
        newBlueprint: blueprint => `新しいブループリント：${blueprint}`,
        contents: (steps, lanes, flows, stages, touchpoints, failPoints) => `ステップ ${steps}（${lanes}）、フロー ${flows}、段階 ${stages}、タッチポイント ${touchpoints}、失敗ポイント ${failPoints}。`
    }
};

const ko: Localisation = {
    language: 'ko',
    distances: { remote: '비대면', phone: '전화', 'face-to-face': '대면' },
    flowKinds: { sequence: '순서', 'two-way': '양방향', 'hand-off': '인계', escalation: '이관' },
    workbook: {
        id: 'ID', actor: '수행자', duration: '소요 시간(분)', durationTolerance: '소요 시간 허용(분)', wait: '대기(분)',
        waitTolerance: '대기 허용(분)', failPoint: '실패 지점', prevention: '예방', preventionPokaYoke: '예방 포카요케',
        preventionSteps: '예방 단계', recovery: '복구', recoveryPokaYoke: '복구 포카요케', recoverySteps: '복구 단계',
        emotion: '감정', notes: '메모', policies: '정책', next: '다음', decision: '분기', markers: '표시', metrics: '지표', selfService: '셀프서비스', failPointCount: '실패 지점 수',
        comparator: '비교', targetValue: '목표값', unit: '단위', within: '이내(초)', total: '합계(분)',
        waiting: '고객 대기(분)', visible: '고객에게 보임(분)', backstage: '후방(분)', unknownSteps: '시간이 없는 단계',
        standard: '시간 기준(분)', fromId: '출발 ID', toId: '도착 ID',
        namesSheet: '이름', label: '표시 이름'
    },
    lanes: {
        evidence: '물리적 증거',
        customer: '고객 행동',
        frontstage: '일선 직원 행동',
        backstage: '후방 직원 행동',
        support: '지원 프로세스'
    },
    lines: {
        interaction: '상호작용선',
        visibility: '가시선',
        internal: '내부 상호작용선',
        'order-penetration': '주문 침투선',
        implementation: '실행선'
    },
    channels: {
        branch: '지점', onsite: '방문 서비스', store: '매장', hotline: '콜센터', ivr: '자동응답(ARS)', app: '모바일 앱', web: '웹',
        atm: 'ATM', kiosk: '무인 단말기', sms: '문자 메시지', email: '이메일', chat: '채팅 상담', mail: '우편'
    },
    diagram: {
        legend: '범례',
        footnotes: { fail: '실패 지점', metric: '서비스 기준', note: '메모' },
        longestPath: (total, standard, atLeast, exceeded) => `최장 경로: ${atLeast ? '최소 ' : ''}${total}, `
            + (exceeded ? `시간 기준 ${standard} 초과` : `시간 기준 ${standard} 이내`),
        expectedAndWorst: (expected, worst, standard, atLeast, expectedOver, worstOver) => `예상: ${atLeast ? '최소 ' : ''}${expected}, `
            + (expectedOver ? `시간 기준 ${standard} 초과` : `시간 기준 ${standard} 이내`) + ` · 최악의 경우: ${atLeast ? '최소 ' : ''}${worst}${worstOver && !expectedOver ? ' (초과)' : ''}`,
        legendEntries: {
            'badge:fail': '실패 지점(번호): 원인, 실패율, 예방과 복구는 아래 "실패 지점"에',
            'badge:wait': '대기 지점: 예상 대기 ≤ 고객이 받아들이는 허용 시간',
            'badge:wait-over': '허용 시간을 넘는 대기: 고객이 받아들이는 것보다 김',
            'badge:duration': '단계 소요 시간 ≤ 시간 기준(허용치)',
            'badge:duration-over': '시간 기준을 넘는 단계',
            'badge:moment': '진실의 순간: 고객이 여기서 판단을 내림',
            'badge:emotion-delighted': '고객 감정: 매우 만족',
            'badge:emotion-positive': '고객 감정: 긍정',
            'badge:emotion-neutral': '고객 감정: 보통',
            'badge:emotion-negative': '고객 감정: 부정',
            'badge:emotion-frustrated': '고객 감정: 좌절',
            'badge:metric': '여기서 측정하는 서비스 기준(KPI), 목표는 아래 "서비스 기준"에',
            'badge:note': '단계 메모(진실의 순간, 감정, 비고)는 아래 "메모"에',
            'chip:actor': '단계를 수행하는 사람 또는 시스템',
            'chip:channel': '단계가 쓰는 채널',
            'chip:segment': '변형: 이 고객 세그먼트에만 해당(점선 상자)',
            'box:touchpoint': '접점: 제공자와 만나는 고객 단계(굵은 테두리)',
            'box:evidence': '물리적 증거: 고객이 보거나 받는 것',
            'box:independent': '고객과 무관한 단계: 고객 주문 전에 또는 주문과 별개로 수행(회색 상자)',
            'flow:sequence': '흐름: 다음 단계',
            'flow:two-way': '양방향 흐름: 대화',
            'flow:hand-off': '사람 또는 부서 사이의 인계',
            'flow:escalation': '이관(2차 처리로)',
            'flow:loop': '반복: 여기서부터 과정을 되풀이',
            'flow:recovery': '복구: 실패 지점의 시정 하위 프로세스',
            'flow:evidence': '단계가 보여 주는 물리적 증거',
            'gateway:exclusive': '결정: 분기 중 하나만 진행(각 비율 표시)',
            'gateway:parallel': '병행 작업: 분기가 동시에 진행되고 + 에서 합류',
            'line': '레인 사이의 선(상호작용선, 가시선, 내부 상호작용선), 선 위에 이름',
            'line:order-penetration': '주문 침투선: 그 아래는 고객 주문과 무관하게 하는 작업'
        },
        mermaidLegend: { fail: 'F 실패 지점', wait: 'W 대기 지점', moment: 'MOT 진실의 순간', evidence: '물리적 증거', recovery: '복구: 실패 지점의 시정 하위 프로세스' },
        hoverCard: {
            lead: word => `${word}: `,
            list: names => names.join(', '),
            by: name => `수행: ${name}`,
            via: name => `채널: ${name}`,
            for: segments => `${segments} 전용`,
            evidence: '물리적 증거',
            seenAt: step => `해당 단계: ${step}`,
            time: '시간',
            duration: '소요 시간',
            durationText: (expected, standard, over) => `${expected}${standard ? `, 시간 기준 ${standard}` : ''}${over ? ' (시간 기준 초과)' : ''}`,
            wait: '대기',
            waitText: (expected, tolerance, over) => `${expected ?? '예상 시간 없음'}${tolerance ? `, 허용 시간 ${tolerance}` : ''}${over ? ' (허용 시간 초과)' : ''}`,
            failPoint: ref => `실패 지점 ${ref}`,
            cause: '원인',
            failureRate: '실패율',
            prevention: '예방',
            recovery: '복구',
            metric: (label, target) => `${label}${target ? ` (목표 ${target})` : ''}`
        },
        tooltips: {
            failPoint: (ref, cause) => `실패 지점 ${ref}: ${cause}`,
            wait: (expected, tolerance, over) => `대기 지점${expected ? `: 예상 ${expected}` : ''}${tolerance ? `, 허용 시간 ${tolerance}` : ''}${over ? ' (허용 시간 초과)' : ''}`,
            duration: (expected, tolerance, over) => `소요 시간 ${expected}${tolerance ? `, 시간 기준 ${tolerance}` : ''}${over ? ' (시간 기준 초과)' : ''}`,
            moment: '진실의 순간',
            metric: (ref, label, target) => `${ref} ${label}${target ? ` (목표 ${target})` : ''}`,
            notes: ref => `메모: ${ref}`,
            actor: name => `수행: ${name}`,
            channel: name => `채널: ${name}`,
            segment: name => `${name} 전용`,
            separator: '; '
        },
        notes: {
            cause: cause => `원인: ${cause}`,
            failureRate: rate => `실패율: ${rate}`,
            prevention: text => `예방: ${text}`,
            recovery: text => `복구: ${text}`,
            pokaYoke: type => ` (포카요케: ${type})`,
            bySteps: steps => ` → 수행 단계: ${steps}`,
            noRemedy: '예방이나 복구가 적혀 있지 않습니다.',
            target: target => `목표: ${target}`,
            noTarget: '목표가 적혀 있지 않습니다.',
            measuredOn: steps => `측정 대상: ${steps}`,
            wholeProcess: '전체 프로세스',
            momentOfTruth: reason => `진실의 순간: ${reason}`,
            emotion: (feeling, note) => `감정(${feeling}): ${note}`,
            listSeparator: ', ',
            feelings: { delighted: '매우 만족', positive: '긍정', neutral: '보통', negative: '부정', frustrated: '좌절' },
            pokaYokeTypes: { task: '작업', treatment: '응대', tangible: '유형물', preparation: '준비', encounter: '접점', resolution: '해결' },
            segmentChip: segment => `${segment} 전용`,
            chipSamples: { actor: '직원', channel: '전화', segment: 'VIP 전용' },
            decision: (question, branches) => `결정${question ? `: ${question}` : ''} (${branches})`,
            parallelSplit: (label, branches) => `병행 작업${label ? `: ${label}` : ''} (${branches})`,
            parallelJoin: step => `병행 분기가 ${step}에서 합류`
        }
    },
    serviceReport: {
        title: blueprint => `서비스 검토: ${blueprint}`,
        steps: '단계', touchpoints: '접점', momentsOfTruth: '진실의 순간', failPoints: '실패 지점',
        waitPoints: '대기 지점', serviceStandards: '서비스 기준', diagram: '서비스 청사진',
        time: '시간', noPath: '시작점에서 따라갈 수 있는 경로가 없습니다.',
        expectedTotal: '예상 총 시간(핵심 경로)', customerWaiting: '고객 대기',
        customerVisibleTime: '고객에게 보이는 시간', backstageTime: '후방 시간',
        processTolerance: '전체 프로세스 시간 기준', stepsWithoutTime: '시간이 없는 단계',
        loopsNotSummed: '반복(합계에서 제외)', criticalPath: '핵심 경로',
        step: '단계', lane: '레인', stepTime: '시간', cumulative: '누적', waitSuffix: '(대기)',
        allPaths: '모든 경로', path: '경로', total: '합계', waiting: '대기', visible: '보임', backstage: '후방',
        onlyFirstPaths: count => `처음 ${count}개 경로만 표시합니다.`,
        expected: '예상', tolerance: '허용 시간', withinTolerance: '허용 범위 내',
        perSegment: '고객 세그먼트별', segment: '세그먼트', customerVisible: '고객에게 보임',
        basePath: '기본 경로(모든 고객)',
        basePathNote: '기본 경로는 모든 세그먼트가 공유하는 단계만 따라갑니다. `for`로 세그먼트를 지정한 단계는 그 세그먼트의 행에 포함됩니다.',
        noTouchpoints: '접점이 없습니다.', touchpoint: '접점', stage: '국면', channel: '채널', distance: '거리',
        meets: '응대자', evidence: '물리적 증거', momentOfTruth: '진실의 순간', selfService: '(셀프서비스)', none: '없음',
        noFailPoints: '선언된 실패 지점이 없습니다.',
        failPointsCovered: (covered, total, share) => `실패 지점 ${total}개 중 ${covered}개에 예방책 또는 복구책이 있습니다(${share}).`,
        covered: '대책 있음', cause: '원인', onMomentOfTruth: '진실의 순간',
        noMetrics: '선언된 지표가 없습니다.', metric: '지표', measuredOn: '측정 대상', target: '목표', wholeProcess: '전체 프로세스',
        handOffs: '인계와 에스컬레이션',
        noHandOffs: '내부 상호작용선을 넘는 인계도 에스컬레이션도 없습니다.', noneShort: '없음.',
        from: '출발', to: '도착', kind: '종류', crossesInternalLine: '내부 상호작용선 통과',
        returnsToCustomer: '고객에게 돌아옴', yes: '예', no: '아니요',
        unknown: '알 수 없음', noneDeclared: '선언 없음', exceeded: '초과', within: '범위 내', noTarget: '목표 없음',
        atLeastWithoutTime: (time, n) => `≥ ${time} (시간이 없는 단계 ${n}개)`,
        timeUnknown: '시간 알 수 없음',
        figure: '수치', howComputed: '계산 방법', againstStandard: '시간 기준 대비', mostLikelyPath: '가장 가능성 높은 경로',
        worstCase: '최악의 경우', worstCaseCriticalPath: '최악의 경우(핵심 경로)', customerWaitingExpected: '고객 대기(예상)', customerVisibleExpected: '고객에게 보임(예상)',
        backstageExpected: '후방(예상)', standardExpectedWorst: '시간 기준(예상 / 최악의 경우)', exceptionPaths: '예외 경로', branch: '분기',
        branchChance: '분기 확률', journeyShare: '전체 여정 중 비율', decisions: '결정과 병행 작업', at: '위치',
        question: '질문', branches: '분기', failureRate: '실패율', remedies: '대책',
        notesAndPolicies: '메모와 정책', where: '위치', text: '내용',
        processStandard: standard => `전체 프로세스 시간 기준: ${standard}.`,
        noStandard: '기준 없음', withinSoFar: '현재까지 범위 내',
        exceededBy: (time, atLeast) => `${atLeast ? '최소 ' : ''}${time} 초과`,
        rateUnknown: '확률 알 수 없음',
        expectedHow: '선택지는 비율로, 복구는 실패율로, 재작업은 반복 횟수로 가중',
        mostLikelyHow: share => `전체 여정의 ${share}`,
        worstCaseHow: '모든 분기와 복구를 포함한 가장 긴 경로',
        recoveryFrom: (cause, step) => `${step}의 "${cause}" 복구`,
        prevention: '예방', recovery: '복구', pokaYoke: '포카요케', remedyBy: steps => `수행: ${steps}`,
        stepsWithoutTimeNote: steps => `시간이 없는 단계(수치는 하한값): ${steps}`,
        branchesWithoutShares: steps => `비율이 없는 분기(병행 작업으로 계산): ${steps} 이후`,
        unratedRecovery: (cause, step) => `${step}의 "${cause}" 복구에는 실패율이 없어 예상 시간에서 제외했습니다`,
        reworkNote: (from, to, repeats, worst, each) => `재작업 ${from} → ${to}: 추가 ${repeats}회 예상(최악의 경우 ${worst}회), 회당 ${each}`,
        loopsWithoutRepeat: loops => `반복 횟수가 없는 반복(합계에서 제외): ${loops}`,
        targetWithin: window => ` (${window} 이내)`,
        everyCustomer: '모든 고객(기본 경로)', noSteps: '(단계 없음)',
        parallel: '병행', joinsAt: step => `${step}에서 합류`, alternatives: '선택', weight: value => `가중치 ${value}`,
        onlyFirstExceptionPaths: count => `처음 ${count}개 예외 경로만 표시합니다.`,
        noStage: '(국면 없음)',
        contentKinds: { note: '메모', policy: '정책', emotion: '감정' }
    },
    diffReport: {
        title: blueprint => `청사진 변경: ${blueprint}`,
        comparing: (before, after) => `비교 ${before} → ${after}`,
        noChanges: '의미 있는 변경이 없습니다(서식 또는 주석만 변경).',
        changes: '변경', added: '추가', removed: '삭제', changed: '수정', customerVisible: '고객에게 보임', risks: '위험',
        risksHeading: '⚠️ 고객에게 미치는 위험',
        visibleHeading: '👁️ 고객에게 보이는 변경(가시선 위)',
        hiddenHeading: '⚙️ 가시선 아래와 기타',
        more: count => `${count}개 더 보기`,
        diagramHeading: '변경된 영역', context: '변경되지 않은 인접 단계',
        subjects: {
            blueprint: '청사진', step: '단계', flow: '흐름', metric: '지표와 서비스 기준', actor: '담당자와 시스템',
            channel: '채널', stage: '국면', segment: '고객 세그먼트', persona: '페르소나', lane: '레인', evidence: '물리적 증거',
            import: '가져오기'
        },
        timeHeading: '⏱️ 시간과 시간 기준', before: '변경 전', after: '변경 후', expected: '예상', worstCase: '최악의 경우',
        criticalPath: '임계 경로(최악의 경우)', samePath: '동일', unknownTime: '알 수 없음',
        timeValue: (time, atLeast) => `${atLeast ? '최소 ' : ''}${time}`,
        verdict: (standard, above, flipped) => `${flipped ? '**이제 ' : ''}${above ? `시간 기준 ${standard} 초과` : `시간 기준 ${standard} 이내`}${flipped ? '**' : ''}`,
        standard: '시간 기준', noStandard: '없음',
        checksHeading: '🩺 `blueprint check` 결과', newFinding: '새로 생김', resolvedFinding: '해결됨',
        newBlueprint: blueprint => `새 청사진: ${blueprint}`,
        contents: (steps, lanes, flows, stages, touchpoints, failPoints) => `단계 ${steps}개(${lanes}), 흐름 ${flows}개, 국면 ${stages}개, 접점 ${touchpoints}개, 실패 지점 ${failPoints}개.`
    }
};

const LOCALISATIONS: Readonly<Record<LanguageCode, Localisation>> = { en, zh, ja, ko };

/**
 * The language code for a setting as written: `ko`, `KO`, `ko-KR` and `zh_Hans` all resolve;
 * undefined for a language without a table.
 */
export function toLanguageCode(value: string | undefined): LanguageCode | undefined {
    const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
    return SUPPORTED_LANGUAGES.find(code => code === primary);
}

/** The label of a built-in channel in a language, undefined for any other channel. */
export function builtinChannelLabel(name: string, language: string | undefined): string | undefined {
    const channels: Readonly<Record<string, string>> = localisation(language).channels;
    return Object.hasOwn(channels, name) ? channels[name] : undefined;
}

/** The strings of a language; English for an unknown or missing one. */
export function localisation(language: string | undefined): Localisation {
    return LOCALISATIONS[toLanguageCode(language) ?? DEFAULT_LANGUAGE];
}
