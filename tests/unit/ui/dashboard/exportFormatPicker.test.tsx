/**
 * The export dialog's format picker: it offers the CLI's six formats, and the one chosen goes into
 * both download links (the export request). `ExportSection` is called as a plain function with
 * `react`'s hooks replaced by a small state store (the tests run without a DOM), so a choice made
 * through the select's own `onChange` shows in the next render's links.
 */
import type { ReactElement, ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMATS } from '../../../../src/domain/formats/LabelFormats.ts';
import { exportZipHref } from '../../../../src/services/metricsQueries.ts';

/** The state of each `useState` call by call order, kept across renders like React's. */
const hooks = vi.hoisted(() => ({ states: [] as unknown[], next: 0 }));

vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>();
  return {
    ...react,
    useState: (initial: unknown) => {
      const i = hooks.next++;
      if (i >= hooks.states.length) hooks.states.push(typeof initial === 'function' ? (initial as () => unknown)() : initial);
      return [hooks.states[i], (v: unknown) => (hooks.states[i] = typeof v === 'function' ? (v as (p: unknown) => unknown)(hooks.states[i]) : v)];
    },
    useRef: (initial: unknown) => ({ current: initial }),
    useEffect: () => {},
  };
});

const { ExportSection } = await import('../../../../src/ui/dashboard/ExportSection.tsx');

/** One render of the section: its element tree (host elements only). */
function render(): ReactElement {
  hooks.next = 0;
  return ExportSection({ hrefFor: exportZipHref }) as ReactElement;
}

/** The host elements of `node` whose props match `test`, depth first. */
function find(node: ReactNode, test: (props: Record<string, unknown>, type: unknown) => boolean): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap((n: ReactNode) => find(n, test));
  if (node === null || typeof node !== 'object' || !('props' in node)) return [];
  const el = node as ReactElement<Record<string, unknown>>;
  return [...(test(el.props, el.type) ? [el] : []), ...find(el.props.children as ReactNode, test)];
}

const byTestId = (tree: ReactElement, id: string) => {
  const [el] = find(tree, (p) => p['data-testid'] === id);
  if (el === undefined) throw new Error(`no element with data-testid="${id}"`);
  return el;
};

beforeEach(() => {
  hooks.states = [];
});

describe('the export dialog format picker', () => {
  it('offers all six formats of the CLI, KITTI first and chosen', () => {
    const tree = render();
    const select = byTestId(tree, 'export-format');
    const values = find(select.props.children as ReactNode, (_p, type) => type === 'option').map((o) => o.props.value);
    expect(values).toEqual(['kitti', 'kitti-tracking', 'nuscenes', 'openlabel', 'openpcdet', 'mmdet3d']);
    expect(values).toEqual([...EXPORT_FORMATS]);
    expect(select.props.value).toBe('kitti');
    expect(byTestId(tree, 'export-accepted').props.href).toBe('/api/export.zip?status=accepted&bin=1');
    expect(byTestId(tree, 'export-all').props.href).toBe('/api/export.zip?bin=1');
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'kitti'))('choosing %s puts it into both links', (format) => {
    const onChange = byTestId(render(), 'export-format').props.onChange as (e: { target: { value: string } }) => void;
    onChange({ target: { value: format } });
    const tree = render();
    expect(byTestId(tree, 'export-format').props.value).toBe(format);
    expect(byTestId(tree, 'export-accepted').props.href).toBe(`/api/export.zip?status=accepted&bin=1&format=${format}`);
    expect(byTestId(tree, 'export-all').props.href).toBe(`/api/export.zip?bin=1&format=${format}`);
  });

  it('choosing KITTI again takes the format back out of the links (the server default)', () => {
    (byTestId(render(), 'export-format').props.onChange as (e: { target: { value: string } }) => void)({ target: { value: 'openlabel' } });
    (byTestId(render(), 'export-format').props.onChange as (e: { target: { value: string } }) => void)({ target: { value: 'kitti' } });
    expect(byTestId(render(), 'export-all').props.href).toBe('/api/export.zip?bin=1');
  });
});
