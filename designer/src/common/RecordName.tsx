import { RecordContextProvider, ReferenceField } from 'react-admin';

/** A record's name (an agent, a team, an expert) from its id, inline; the id itself when there is no such record. */
export const RecordName = ({ reference, id }: { reference: string; id: string }) => (
    <RecordContextProvider value={{ id, named_id: id }}>
        <ReferenceField source="named_id" reference={reference} link={false} empty={id} />
    </RecordContextProvider>
);

export default RecordName;
