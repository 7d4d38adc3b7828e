import { describe, expect, it } from 'vitest';
import { activeMenuKey } from './active-menu-key';

const keys = ['/', '/inspection-plans', '/inspections', '/follow-ups'];

describe('activeMenuKey', () => {
  it('matches a path and its sub-pages, whole segments only', () => {
    expect(activeMenuKey('/', keys)).toBe('/');
    expect(activeMenuKey('/inspections', keys)).toBe('/inspections');
    expect(activeMenuKey('/inspections/3f1c/edit', keys)).toBe('/inspections');
    expect(activeMenuKey('/inspection-plans/7', keys)).toBe('/inspection-plans');
  });

  it('matches nothing for an unknown path (the dashboard is not everyone’s parent)', () => {
    expect(activeMenuKey('/nowhere', keys)).toBeUndefined();
    expect(activeMenuKey('/inspectionsX', keys)).toBeUndefined();
  });
});
