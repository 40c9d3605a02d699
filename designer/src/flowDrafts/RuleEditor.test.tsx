import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import demoFlow from '../../../api/demo/flow.json';
import type { FlowDocument } from '../types';
import { FlowDiffView } from './FlowDiffView';
import { RuleEditor } from './RuleEditor';

const fields = [{ name: 'tags', type: 'list' as const, values: ['billing', 'safety'] }, { name: 'text', type: 'text' as const }];

const renderEditor = (rule: unknown, onChange = vi.fn(), errors: string[] = []) => {
    render(
        <AdminContext>
            <RuleEditor label="routing rule 1: x" path="/content/routing/rules/0/when" rule={rule} fields={fields} errors={errors} onChange={onChange} />
        </AdminContext>,
    );
    return onChange;
};

describe('RuleEditor', () => {
    it('opens a rule the builder can hold in the builder, and writes its edits as JSON Logic', async () => {
        const onChange = renderEditor({ in: ['billing', { var: 'tags' }] });
        const builder = await screen.findByTestId('rule-builder', {}, { timeout: 5000 });
        expect(builder.querySelectorAll('.rule')).toHaveLength(1);
        fireEvent.click(screen.getByTestId('rule-tab-json'));
        const json = screen.getByTestId('rule-json') as HTMLTextAreaElement;
        expect(JSON.parse(json.value)).toEqual({ in: ['billing', { var: 'tags' }] });
        fireEvent.change(json, { target: { value: '{"in": ["safety", {"var": "tags"}]}' } });
        expect(onChange).toHaveBeenLastCalledWith({ in: ['safety', { var: 'tags' }] });
    });

    it('says why the builder cannot take a rule, keeps JSON the editor, and shows the engine errors on it', () => {
        renderEditor({ if: [{ var: 'verified' }, 'high', 'low'] }, vi.fn(), ['unknown field']);
        expect(screen.getByTestId('rule-json')).toBeTruthy();
        expect(screen.getByTestId('rule-errors').textContent).toContain('unknown field');
        fireEvent.click(screen.getByTestId('rule-tab-builder'));
        expect(screen.getByTestId('rule-builder-unavailable').textContent).toContain('"if"');
    });
});

describe('FlowDiffView', () => {
    it('lists the changed node and rule, and the JSON lines', async () => {
        const before = structuredClone(demoFlow) as unknown as FlowDocument;
        const after = structuredClone(before);
        const routing = after.nodes.find(node => node.id === 'assign')!.content.routing as { rules: unknown[] };
        routing.rules.unshift({ id: 'refund', when: { in: ['billing', { var: 'tags' }] }, then: { team_id: 'escalations' } });
        render(<FlowDiffView before={before} after={after} beforeLabel="the active version" />);
        expect(screen.getByTestId('flow-diff-node').getAttribute('data-node-id')).toBe('assign');
        expect(screen.getByTestId('flow-diff-rule').textContent).toBe('added rule routing: refund');
        fireEvent.click(screen.getByTestId('flow-diff-json-tab'));
        await waitFor(() => expect(screen.getByTestId('flow-diff-json').textContent).toMatch(/\+ +"id": "refund"/));
    });
});
