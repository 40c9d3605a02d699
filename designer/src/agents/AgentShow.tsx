import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
    EditButton,
    EmailField,
    Labeled,
    NumberField,
    ReferenceField,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useRecordContext,
} from 'react-admin';
import { useCan } from '../auth/useCan';
import { RelatedCases } from '../cases/RelatedCases';
import type { AgentProfile } from './agentForm';
import { PresenceToggle } from './PresenceToggle';

const none = (text: string) => (
    <Typography variant="body2" color="text.secondary">
        {text}
    </Typography>
);

/** Skills as chips, "billing · 4", highest first. */
export const SkillChips = () => {
    const record = useRecordContext<AgentProfile>();
    const skills = Object.entries(record?.skills ?? {}).sort((a, b) => b[1] - a[1]);
    if (!skills.length) return none('No skills listed');
    return (
        <Stack direction="row" gap={0.5} flexWrap="wrap" data-testid="agent-skills">
            {skills.map(([skill, level]) => (
                <Chip key={skill} size="small" label={`${skill} · ${level}`} data-skill={skill} data-level={level} />
            ))}
        </Stack>
    );
};

const ChannelCaps = () => {
    const record = useRecordContext<AgentProfile>();
    const caps = Object.entries(record?.channel_capacity ?? {});
    if (!caps.length) return none('No per-channel caps');
    return (
        <Stack direction="row" gap={0.5} flexWrap="wrap" data-testid="agent-channel-caps">
            {caps.map(([channel, cap]) => (
                <Chip key={channel} size="small" variant="outlined" label={`${channel}: ${cap}`} />
            ))}
        </Stack>
    );
};

const Listed = ({ source, empty }: { source: 'languages' | 'channels'; empty: string }) => {
    const record = useRecordContext<AgentProfile>();
    const values = record?.[source] ?? [];
    return values.length ? <Typography variant="body2">{values.join(', ')}</Typography> : none(empty);
};

/** Admins reach the user behind the agent (same id): their role, teams and access. */
const UserLink = () => {
    const record = useRecordContext<AgentProfile>();
    const mayManageUsers = useCan('users', 'edit');
    if (!record || !mayManageUsers) return null;
    return (
        <Labeled label="User account">
            <Link href={`#/users/${encodeURIComponent(record.id)}`} data-testid="agent-user-link">
                Role, teams and access
            </Link>
        </Labeled>
    );
};

const ShowActions = () => {
    const mayEdit = useCan('agents', 'edit');
    return <TopToolbar>{mayEdit && <EditButton label="Edit" data-testid="agent-edit" />}</TopToolbar>;
};

export const AgentShow = () => (
    <Show actions={<ShowActions />}>
        <SimpleShowLayout>
            <TextField source="name" />
            <EmailField source="email" />
            <ReferenceField source="team_id" reference="teams" label="Team" />
            <Labeled label="Presence">
                <PresenceToggle />
            </Labeled>
            <NumberField source="open_cases" label="Open cases" />
            <NumberField source="capacity" label="Capacity" />
            <Labeled label="Capacity per channel">
                <ChannelCaps />
            </Labeled>
            <Labeled label="Skills">
                <SkillChips />
            </Labeled>
            <Labeled label="Languages">
                <Listed source="languages" empty="Any language" />
            </Labeled>
            <Labeled label="Channels served">
                <Listed source="channels" empty="Every channel" />
            </Labeled>
            <UserLink />
            <RelatedCases target="assignee_id" label="Assigned cases" />
        </SimpleShowLayout>
    </Show>
);

export default AgentShow;
