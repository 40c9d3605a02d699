import { RecordName } from '../common/RecordName';
import { noteAuthor } from './format';

/**
 * Who did something on a case: "system", an agent by name, or an outside expert
 * (`expert:{id}`) by name; the raw id when the record is unknown.
 */
export const ActorName = ({ actor }: { actor: string }) => {
    if (actor === 'system') return <span>system</span>;
    const { kind, id } = noteAuthor(actor);
    return <RecordName reference={kind === 'expert' ? 'experts' : 'agents'} id={id} />;
};

export default ActorName;
