/**
 * The editor's `blueprint` settings section, read through Langium's ConfigurationProvider (pulled
 * with `workspace/configuration` at start, pushed by `workspace/didChangeConfiguration` after):
 * `blueprint.rules` re-severities the diagnostics and `blueprint.layout.spacing` spaces the diagram.
 * A change applies at once, without a restart: every document is validated again, and the diagrams
 * open in the editor are laid out again with the new spacing.
 */
import type { LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintServices } from '@blueprint/language';
import { DocumentState, type LangiumSharedCoreServices } from 'langium';

export const SETTINGS_SECTION = 'blueprint';
export const SPACING_PRESETS = ['compact', 'normal', 'roomy'] as const;
export type SpacingPreset = (typeof SPACING_PRESETS)[number];

/** Gaps of each preset, relative to the layout's defaults (`normal` is the defaults). */
const SPACING: Record<SpacingPreset, Partial<LayoutSpacing>> = {
    compact: { columnGap: 28, stageGap: 40, rowGap: 6, lanePadding: 10 },
    normal: {},
    roomy: { columnGap: 80, stageGap: 104, rowGap: 24, lanePadding: 30 }
};

interface SettingsSection {
    readonly rules?: unknown;
    readonly layout?: { readonly spacing?: unknown };
}

export class EditorSettings {
    private spacingPreset: SpacingPreset = 'normal';
    /** What was applied last; starts as the defaults, so default settings cost no revalidation. */
    private applied = JSON.stringify({ rules: {}, preset: 'normal' });

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly blueprint: BlueprintServices) {}

    /** The layout spacing the diagrams use now. */
    get spacing(): Partial<LayoutSpacing> {
        return SPACING[this.spacingPreset];
    }

    /** Starts following the settings: the first values once the client is initialized, then every change. */
    listen(): void {
        const provider = this.shared.workspace.ConfigurationProvider;
        provider.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) void this.apply(update.configuration as SettingsSection | undefined);
        });
        void Promise.all([provider.getConfiguration(SETTINGS_SECTION, 'rules'), provider.getConfiguration(SETTINGS_SECTION, 'layout')])
            .then(([rules, layout]) => this.apply({ rules, layout }));
    }

    /** Applies a settings section; revalidates only when something changed. */
    async apply(section: SettingsSection | undefined): Promise<void> {
        const rules = section?.rules ?? {};
        const spacing = section?.layout?.spacing;
        const preset: SpacingPreset = SPACING_PRESETS.includes(spacing as SpacingPreset) ? spacing as SpacingPreset : 'normal';
        const fingerprint = JSON.stringify({ rules, preset });
        if (fingerprint === this.applied) return;
        this.applied = fingerprint;
        this.blueprint.validation.RuleConfiguration.setEditorOverrides(rules);
        this.spacingPreset = preset;
        await this.revalidateAll();
    }

    /** Validation (and, through the diagram bridge, layout) again for every document, under the workspace lock. */
    private async revalidateAll(): Promise<void> {
        const { WorkspaceLock, DocumentBuilder, LangiumDocuments } = this.shared.workspace;
        await WorkspaceLock.write(async token => {
            for (const document of LangiumDocuments.all) DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            await DocumentBuilder.update([], [], token);
        });
    }
}
