import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FlowDocument } from '../../types';
import { CalendarsEditor } from './CalendarsEditor';
import { errorsUnder, validateCalendars, validateSlaPolicies } from './model';
import type { Calendars, SlaPolicyDoc } from './model';
import { SlaPoliciesEditor } from './SlaPoliciesEditor';

const withCalendar = (policy: SlaPolicyDoc, calendar: string | null): SlaPolicyDoc => {
    const { calendar: _old, ...rest } = policy;
    return calendar ? { ...rest, calendar } : rest;
};

export interface SlaSettingsTabProps {
    /** The draft's document; the tab edits its `sla` node's `policies` and `calendars` and nothing else. */
    document: FlowDocument;
    onChange: (document: FlowDocument) => void;
    /** The draft's flow errors (JSON pointers from the document's root, as the API answers them). */
    errors?: { path?: string; message: string }[];
}

/**
 * One tab of the draft editor: the SLA node's policies and business-hours calendars, with the API's errors and the
 * checks the engine would make (shown as you type) on their fields. The node's `select` rules are left as they are.
 */
export const SlaSettingsTab = ({ document, onChange, errors = [] }: SlaSettingsTabProps) => {
    const index = document.nodes.findIndex(node => node.type === 'sla');
    if (index < 0) {
        return <Alert severity="info">This flow has no SLA stage: add one to set policies and business hours.</Alert>;
    }
    const node = document.nodes[index];
    const content = (node.content ?? {}) as { policies?: SlaPolicyDoc[]; calendars?: Calendars };
    const policies = content.policies ?? [];
    const calendars = content.calendars ?? {};
    const setContent = (change: Partial<typeof content>) =>
        onChange({
            ...document,
            nodes: document.nodes.map((n, i) => (i === index ? { ...n, content: { ...n.content, ...change } } : n)),
        });
    const base = `/nodes/${index}/content`;
    const policyErrors = { ...validateSlaPolicies(policies, Object.keys(calendars)), ...errorsUnder(errors, `${base}/policies`) };
    const calendarErrors = { ...validateCalendars(calendars), ...errorsUnder(errors, `${base}/calendars`) };
    return (
        <Stack gap={3} data-testid="sla-settings-tab">
            <Stack gap={1}>
                <Typography variant="h6">SLA policies</Typography>
                <SlaPoliciesEditor
                    value={policies}
                    calendars={Object.keys(calendars)}
                    errors={policyErrors}
                    onChange={next => setContent({ policies: next })}
                />
            </Stack>
            <Stack gap={1}>
                <Typography variant="h6">Business hours</Typography>
                <CalendarsEditor
                    value={calendars}
                    errors={calendarErrors}
                    onChange={next => {
                        // A renamed or removed calendar: the policies that named it follow the rename or go 24/7.
                        const renamed = Object.keys(calendars).filter(name => !(name in next));
                        const added = Object.keys(next).filter(name => !(name in calendars));
                        const to = renamed.length === 1 && added.length === 1 ? added[0] : null;
                        const followed = renamed.length
                            ? policies.map(policy =>
                                  policy.calendar && renamed.includes(policy.calendar) ? withCalendar(policy, to) : policy,
                              )
                            : policies;
                        setContent(renamed.length ? { calendars: next, policies: followed } : { calendars: next });
                    }}
                />
            </Stack>
        </Stack>
    );
};

export default SlaSettingsTab;
