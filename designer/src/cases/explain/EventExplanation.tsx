import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath } from 'react-admin';
import { RecordName } from '../../common/RecordName';
import type { Explanation, Part } from './explanations';

const PartView = ({ part }: { part: Part }) => {
    if (typeof part === 'string') return <>{part}</>;
    if ('code' in part) {
        return (
            <Box component="code" sx={{ fontSize: '0.92em', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 }}>
                {part.code}
            </Box>
        );
    }
    return 'agent' in part ? (
        <RecordName reference="agents" id={part.agent} />
    ) : (
        <RecordName reference="teams" id={part.team} />
    );
};

/** The flow version a decision was made under, opening it in the designer. */
export const FlowVersionLink = ({ version }: { version: string }) => {
    const createPath = useCreatePath();
    return (
        <Link
            to={createPath({ resource: 'flows', id: version, type: 'show' })}
            title={version}
            data-testid="case-event-flow-version"
        >
            flow {version.slice(0, 8)}
        </Link>
    );
};

/** A decision as a sentence: agents and teams by name, conditions as code, and the flow version it used. */
export const EventExplanation = ({ explanation }: { explanation: Explanation }) => (
    <Typography variant="body2" component="div" data-testid="case-event-explanation" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
        {explanation.parts.map((part, index) => (
            // The parts never change order: their place is their identity.
            <PartView key={index} part={part} />
        ))}
        {explanation.flowVersion && (
            <>
                {' · '}
                <FlowVersionLink version={explanation.flowVersion} />
            </>
        )}
    </Typography>
);

export default EventExplanation;
