import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { DEMO_FLOW_VERSION, demoAgents, demoFlow, demoTeams, engineEvents } from '../test/evidence';
import { agents, caseEvents, experts, makeCase } from '../test/fixtures';
import { fakeDataProvider } from '../test/fakeDataProvider';
import type { RaRecord } from 'react-admin';
import { CaseTimeline } from './CaseTimeline';

const renderTimeline = (records: Record<string, RaRecord[]>) => {
    const dataProvider = fakeDataProvider(records);
    render(
        <AdminContext dataProvider={dataProvider}>
            <ResourceContextProvider value="cases">
                <RecordContextProvider value={makeCase()}>
                    <CaseTimeline />
                </RecordContextProvider>
            </ResourceContextProvider>
        </AdminContext>,
    );
    return dataProvider;
};

/** The engine's own timeline of a case (tests/fixtures/evidence), as this fixture case's. */
const engineTimeline = () => engineEvents('angry_billing').map(event => ({ ...event, case_id: 'c1' }));

const entryOf = async (kind: string) =>
    (await screen.findAllByTestId('case-event')).find(entry => entry.getAttribute('data-kind') === kind)!;

describe('CaseTimeline', () => {
    it('lists the events of the case, with the evidence of a decision one click away', async () => {
        const dataProvider = renderTimeline({ agents, case_events: caseEvents, flows: [demoFlow] });
        const user = userEvent.setup();

        const entries = await screen.findAllByTestId('case-event');
        expect(entries.map(entry => entry.getAttribute('data-kind'))).toEqual(['triaged', 'waiting_on_customer']);
        expect(dataProvider.getManyReference).toHaveBeenCalledWith(
            'case_events',
            expect.objectContaining({ target: 'case_id', id: 'c1', sort: { field: 'at', order: 'ASC' } }),
        );
        expect(screen.getByText('system')).toBeInTheDocument();
        // An agent actor is shown by name.
        await waitFor(() => expect(screen.getByText('Ada Lovelace')).toBeInTheDocument());

        // Only the event with a detail has evidence; it is collapsed at first.
        expect(screen.getAllByRole('button', { name: 'Show evidence' })).toHaveLength(1);
        expect(screen.queryByTestId('case-event-detail')).toBeNull();
        await user.click(screen.getByRole('button', { name: 'Show evidence' }));
        const detail = await screen.findByTestId('case-event-detail');
        expect(JSON.parse(detail.textContent ?? '')).toEqual(caseEvents[0].detail);
        expect(screen.getByRole('button', { name: 'Hide evidence' })).toBeInTheDocument();
    });

    it('explains each decision in words, agents and teams by name, with a link to its flow version', async () => {
        const dataProvider = renderTimeline({
            agents: demoAgents,
            teams: demoTeams,
            flows: [demoFlow],
            case_events: engineTimeline(),
        });
        const assigned = await entryOf('assigned');
        await waitFor(() =>
            expect(within(assigned).getByTestId('case-event-explanation')).toHaveTextContent(
                'Assigned to Ada Lovelace by least loaded: 2 eligible (Ada Lovelace 1/5, Grace Hopper 3/5); ' +
                    'not eligible: Sam Okafor (offline), Linus Pauling (missing its optional skills)',
            ),
        );
        const routed = within(await entryOf('routed')).getByTestId('case-event-explanation');
        // The conditions read as written once the flow version is loaded.
        await waitFor(() =>
            expect(routed).toHaveTextContent(
                'Routed to team Support/Sales by rule 3 angry-billing-first: ("billing" in tags) and ("angry" in tags) matched',
            ),
        );
        expect(within(routed).getByTestId('case-event-flow-version')).toHaveAttribute(
            'href',
            `#/flows/${DEMO_FLOW_VERSION}/show`,
        );
        expect(dataProvider.getOne).toHaveBeenCalledWith('flows', expect.objectContaining({ id: DEMO_FLOW_VERSION }));
        expect(within(await entryOf('mention_added')).queryByTestId('case-event-explanation')).toBeNull();
    });

    it("shows the rules' traces as trees: each operation under the one that used it, with the values it saw", async () => {
        renderTimeline({ agents: demoAgents, teams: demoTeams, flows: [demoFlow], case_events: engineTimeline() });
        const user = userEvent.setup();
        const triaged = await entryOf('triaged');
        await waitFor(() => expect(triaged).toHaveTextContent('sentiment < -0.05'));
        await user.click(within(triaged).getByRole('button', { name: 'Show evidence' }));

        const traces = await within(triaged).findAllByTestId('case-event-trace');
        expect(traces.map(trace => trace.getAttribute('data-rule'))).toEqual(['needs_response', 'priority']);
        expect(traces[1]).toHaveTextContent(/^priority → "high"/);
        const or = traces[1].querySelector('[data-path="/nodes/2/content/priority/if/4"]') as HTMLElement;
        expect(or.firstElementChild).toHaveTextContent('("outage" in tags) or (sentiment < -0.6)');
        const operands = within(or).getAllByTestId('trace-node').map(node => node.getAttribute('data-path'));
        expect(operands).toEqual(['/nodes/2/content/priority/if/4/or/0', '/nodes/2/content/priority/if/4/or/1']);
        expect(within(or).getAllByTestId('trace-node')[1]).toHaveTextContent('sentiment < -0.6 with -0.6792, -0.6 → true');
    });

    it('names an outside expert as the actor of their answer', async () => {
        const answered = {
            id: 'ev3',
            case_id: 'c1',
            at: '2025-01-02T12:00:00+00:00',
            kind: 'expert_answered',
            actor: 'expert:priya',
            detail: {},
        };
        const dataProvider = renderTimeline({ agents, experts, case_events: [answered] });
        const entry = await screen.findByTestId('case-event');
        await waitFor(() => expect(entry).toHaveTextContent('Priya Shah'));
        expect(dataProvider.getMany).toHaveBeenCalledWith('experts', expect.objectContaining({ ids: ['priya'] }));
    });
});
