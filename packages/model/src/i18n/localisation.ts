/**
 * Every text a blueprint's readers see that the author did not write: the standard lane and line
 * names and the headings of the service review and the change report, per language. One table per
 * language, typed by one interface, so a heading added in one language must be added in all.
 * Diagnostics stay in English: they are addressed to the author, in the language of the keywords.
 */
import type { LineKind, StandardLaneKind } from '../blueprint-model.js';

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
}

/** Titles the diagram draws below the blueprint, and its process-time line. */
export interface DiagramStrings {
    readonly legend: string;
    readonly footnotes: Readonly<Record<'fail' | 'metric' | 'note', string>>;
    readonly longestPath: (total: string, standard: string, atLeast: boolean, exceeded: boolean) => string;
}

export interface Localisation {
    readonly language: LanguageCode;
    readonly lanes: Readonly<Record<StandardLaneKind, string>>;
    readonly lines: Readonly<Record<LineKind, string>>;
    /** Labels of the built-in channels (workspace/builtin-library.ts), by name. */
    readonly channels: Readonly<Record<BuiltinChannel, string>>;
    readonly serviceReport: ServiceReportStrings;
    readonly diffReport: DiffReportStrings;
    readonly diagram: DiagramStrings;
}

const en: Localisation = {
    language: 'en',
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
            + (exceeded ? `above the ${standard} time standard` : `within the ${standard} time standard`)
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
        parallel: 'parallel', joinsAt: step => `joins at ${step}`, alternatives: 'alternatives',
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
        }
    }
};

const zh: Localisation = {
    language: 'zh',
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
        branch: '网点', onsite: '上门服务', store: '门店', hotline: '服务热线', ivr: '语音自助', app: '手机银行', web: '网上银行',
        atm: 'ATM', kiosk: '自助终端', sms: '短信', email: '电子邮件', chat: '在线客服', mail: '邮寄'
    },
    diagram: {
        legend: '图例',
        footnotes: { fail: '失败点', metric: '服务标准', note: '备注' },
        longestPath: (total, standard, atLeast, exceeded) => `最长路径：${atLeast ? '至少 ' : ''}${total}，`
            + (exceeded ? `超出 ${standard} 的时间标准` : `在 ${standard} 的时间标准之内`)
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
        parallel: '并行', joinsAt: step => `在 ${step} 汇合`, alternatives: '择一',
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
        }
    }
};

const ja: Localisation = {
    language: 'ja',
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
        branch: '店舗窓口', onsite: '訪問', store: '店舗', hotline: 'コールセンター', ivr: '自動音声応答', app: 'モバイルアプリ', web: 'ウェブ',
        atm: 'ATM', kiosk: 'セルフサービス端末', sms: 'SMS', email: 'メール', chat: 'チャット', mail: '郵送'
    },
    diagram: {
        legend: '凡例',
        footnotes: { fail: '失敗ポイント', metric: 'サービス基準', note: '注記' },
        longestPath: (total, standard, atLeast, exceeded) => `最長経路：${atLeast ? '少なくとも ' : ''}${total}、`
            + (exceeded ? `時間基準 ${standard} を超過` : `時間基準 ${standard} 以内`)
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
        parallel: '並行', joinsAt: step => `${step} で合流`, alternatives: '選択',
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
        }
    }
};

const ko: Localisation = {
    language: 'ko',
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
        branch: '영업점', onsite: '방문 서비스', store: '매장', hotline: '콜센터', ivr: '자동응답(ARS)', app: '모바일 앱', web: '웹',
        atm: 'ATM', kiosk: '무인 단말기', sms: '문자 메시지', email: '이메일', chat: '채팅 상담', mail: '우편'
    },
    diagram: {
        legend: '범례',
        footnotes: { fail: '실패 지점', metric: '서비스 기준', note: '메모' },
        longestPath: (total, standard, atLeast, exceeded) => `최장 경로: ${atLeast ? '최소 ' : ''}${total}, `
            + (exceeded ? `시간 기준 ${standard} 초과` : `시간 기준 ${standard} 이내`)
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
        parallel: '병행', joinsAt: step => `${step}에서 합류`, alternatives: '선택',
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
        }
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
