import { describe, expect, it } from 'vitest';
import { badgeWidth, shorten, stepBadges } from '../../packages/webview/src/badges.js';
import type { StepFields } from '../../packages/webview/src/schema.js';

const plain: StepFields = {
    lane: 'customer', label: 'Step', lines: ['Step'], failPoint: false, waitPoint: false, moment: false,
    metrics: 0, segments: [], touchpoint: false
};

describe('stepBadges', () => {
    it('gives a plain step no badges', () => {
        expect(stepBadges(plain)).toEqual({ top: [], bottom: [] });
    });

    it('puts what can go wrong on top and the context below', () => {
        const badges = stepBadges({
            ...plain, failPoint: true, waitPoint: true, waitTime: '8 min', moment: true, emotion: 'negative', metrics: 2,
            channel: 'kiosk', segments: ['VIP', 'Gold'], actor: 'Queue management system'
        });
        expect(badges.top.map(badge => badge.text)).toEqual(['F', 'W 8 min', 'MOT', '−', '2 KPI']);
        expect(badges.top.find(badge => badge.kind === 'emotion')?.variant).toBe('negative');
        expect(badges.bottom.map(badge => badge.kind)).toEqual(['channel', 'segment', 'actor']);
        expect(badges.bottom[1].title).toBe('Only for: VIP, Gold');
        expect(badges.bottom[2].text).toBe('Queue management …');
        expect(badges.bottom[2].title).toBe('By: Queue management system');
    });

    it('shows a wait point without a time as W', () => {
        expect(stepBadges({ ...plain, waitPoint: true }).top).toEqual([{ kind: 'wait', text: 'W', title: 'Wait point' }]);
    });
});

describe('badge text', () => {
    it('shortens long tags with an ellipsis and sizes badges by their text', () => {
        expect(shorten('short')).toBe('short');
        expect(shorten('a'.repeat(30))).toHaveLength(18);
        expect(badgeWidth('MOT')).toBeLessThan(badgeWidth('W 15 min'));
    });
});
