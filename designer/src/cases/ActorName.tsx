import { RecordContextProvider, ReferenceField } from 'react-admin';
import { noteAuthor } from './format';

/**
 * Who did something on a case: "system", an agent by name, or an outside expert
 * (`expert:{id}`) by name; the raw id when the record is unknown.
 */
export const ActorName = ({ actor }: { actor: string }) => {
    if (actor === 'system') return <span>system</span>;
    const { kind, id } = noteAuthor(actor);
    const source = kind === 'expert' ? 'expert_id' : 'agent_id';
    return (
        <RecordContextProvider value={{ id, [source]: id }}>
            <ReferenceField source={source} reference={kind === 'expert' ? 'experts' : 'agents'} link={false} empty={id} />
        </RecordContextProvider>
    );
};

export default ActorName;
