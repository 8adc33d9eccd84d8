/** Registers the Blueprint checks; each concern lives in its own class. */
import type { ValidationChecks } from 'langium';
import type { BlueprintAstType } from '../generated/ast.js';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { AnalysisChecks } from './analysis-checks.js';
import { BranchChecks } from './branch-checks.js';
import { checkFileHasContent } from './file-content-checks.js';
import { FlowChecks } from './flow-checks.js';
import { ImportChecks } from './import-checks.js';
import { LaneChecks } from './lane-checks.js';
import { LocalisationChecks } from './localisation-checks.js';
import { NamingChecks } from './naming-checks.js';
import { ServiceQualityChecks } from './service-quality-checks.js';
import { TimeChecks } from './time-checks.js';

export function registerValidationChecks(services: BlueprintCoreServices): void {
    const naming = new NamingChecks();
    const imports = new ImportChecks(services);
    const lanes = new LaneChecks(services);
    const flows = new FlowChecks(services);
    const quality = new ServiceQualityChecks(services);
    const time = new TimeChecks();
    const analysis = new AnalysisChecks(services);
    const localisation = new LocalisationChecks();
    const branches = new BranchChecks(services);
    const checks: ValidationChecks<BlueprintAstType> = {
        BlueprintFile: [naming.checkFile.bind(naming), checkFileHasContent],
        Import: imports.checkImport.bind(imports),
        Blueprint: [
            flows.checkProcessGraph.bind(flows),
            branches.checkImpliedDecisions.bind(branches),
            branches.checkExclusiveDecisions.bind(branches),
            branches.checkRecoveryReachable.bind(branches)
        ],
        Branching: [branches.checkBranching.bind(branches), flows.checkBranchLinks.bind(flows)],
        FailPoint: branches.checkFailPoint.bind(branches),
        Step: [
            naming.checkStepClauses.bind(naming),
            lanes.checkInlineEvidence.bind(lanes),
            quality.checkStep.bind(quality),
            analysis.checkMomentRecovery.bind(analysis)
        ],
        TotalTolerance: analysis.checkProcessTolerance.bind(analysis),
        Metric: [naming.checkMetricClauses.bind(naming), time.checkMetric.bind(time)],
        LaneOrder: lanes.checkLaneOrder.bind(lanes),
        CustomLane: lanes.checkCustomLane.bind(lanes),
        EvidenceItem: lanes.checkEvidenceItem.bind(lanes),
        Flow: [flows.checkFlowLinks.bind(flows), branches.checkLoopRepeat.bind(branches)],
        TimeValue: time.checkTimeValue.bind(time),
        WaitProperty: time.checkWait.bind(time),
        DurationProperty: time.checkDuration.bind(time),
        LanguageDeclaration: localisation.checkLanguage.bind(localisation),
        LaneLabel: localisation.checkLaneLabel.bind(localisation),
        LineDeclaration: localisation.checkLineDeclaration.bind(localisation)
    };
    services.validation.ValidationRegistry.register(checks);
}
