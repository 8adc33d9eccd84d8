/**
 * The legend entries of the diff picture: what its green, amber and red mean, in the blueprint's
 * language. Drawn as box samples with the diff's classes, so they take the colours the steps get.
 */
import type { LegendItem } from '@blueprint/diagram';
import type { LanguageCode } from '@blueprint/model';

interface DiffLegendTexts { readonly added: string; readonly changed: string; readonly removed: string }

const TEXTS: Readonly<Record<LanguageCode, DiffLegendTexts>> = {
    en: { added: 'Added in the new version', changed: 'Changed in the new version', removed: 'Removed: drawn where it was' },
    zh: { added: '新版本中新增', changed: '新版本中已修改', removed: '已删除：画在原来的位置' },
    ja: { added: '新しい版で追加', changed: '新しい版で変更', removed: '削除：元の位置に表示' },
    ko: { added: '새 버전에서 추가됨', changed: '새 버전에서 변경됨', removed: '삭제됨: 원래 자리에 표시' }
};

type DiffKind = keyof DiffLegendTexts;

/** The colours the diff picture uses, in a fixed order; a kind the picture does not draw is not explained. */
export function diffLegendItems(language: LanguageCode, kinds: readonly DiffKind[] = ['added', 'changed', 'removed']): LegendItem[] {
    const texts = TEXTS[language] ?? TEXTS.en;
    return (['added', 'changed', 'removed'] as const).filter(kind => kinds.includes(kind))
        .map(kind => ({ key: `box:${kind}`, tone: 'plain' as const, label: texts[kind] }));
}
