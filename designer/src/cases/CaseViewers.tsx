import Avatar from '@mui/material/Avatar';
import AvatarGroup from '@mui/material/AvatarGroup';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useGetMany } from 'react-admin';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { Agent, CaseViewer } from '../types';

/** How often the page says "I am viewing this case" (the API forgets a viewer after a while without it). */
export const PRESENCE_BEAT_MS = 20_000;

const initials = (name: string) =>
    name
        .replace(/[^\p{L}\p{N} ]/gu, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 2)
        .map(word => word[0]!.toUpperCase())
        .join('') || '?';

/**
 * Who else has this case open: sends a presence beat now and every ~20 s while the page is open (those who may
 * work cases), and shows the other viewers as avatars with their names.
 */
export const CaseViewers = ({ caseId, me, enabled }: { caseId: string; me: string | null | undefined; enabled: boolean }) => {
    const dataProvider = useSwitchboardDataProvider();
    const [viewers, setViewers] = useState<CaseViewer[]>([]);

    useEffect(() => {
        if (!enabled) return;
        let live = true;
        const beat = () =>
            dataProvider
                .casePresence(caseId)
                .then(({ data }) => {
                    if (live) setViewers(Array.isArray(data) ? data : []);
                })
                .catch(() => undefined); // presence is a courtesy: a missed beat is tried again
        void beat();
        const timer = window.setInterval(beat, PRESENCE_BEAT_MS);
        return () => {
            live = false;
            window.clearInterval(timer);
        };
    }, [dataProvider, caseId, enabled]);

    const others = viewers.filter(viewer => viewer.agent_id !== me);
    const { data: agents = [] } = useGetMany<Agent>('agents', { ids: others.map(v => v.agent_id) }, { enabled: others.length > 0 });
    if (others.length === 0) return null;
    const nameOf = (id: string) => agents.find(agent => agent.id === id)?.name ?? id;
    return (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="case-viewers">
            <Typography variant="caption" color="text.secondary">
                Also viewing
            </Typography>
            <AvatarGroup max={5} sx={{ '& .MuiAvatar-root': { width: 28, height: 28, fontSize: 12 } }}>
                {others.map(viewer => (
                    <Tooltip key={viewer.agent_id} title={nameOf(viewer.agent_id)}>
                        <Avatar aria-label={nameOf(viewer.agent_id)} data-testid="case-viewer" data-agent={viewer.agent_id}>
                            {initials(nameOf(viewer.agent_id))}
                        </Avatar>
                    </Tooltip>
                ))}
            </AvatarGroup>
        </Box>
    );
};

export default CaseViewers;
