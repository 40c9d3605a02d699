import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext } from 'react-admin';

/** The source id of a record, linking to the source's page (no fetch: the id is the name agents know). */
export const SourceLink = ({ source = 'source' }: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const createPath = useCreatePath();
    const id: unknown = record?.[source];
    if (typeof id !== 'string' || !id) return null;
    return (
        <Link
            to={createPath({ resource: 'sources', id, type: 'show' })}
            // A row click opens the conversation; the link opens the source.
            onClick={(event: MouseEvent) => event.stopPropagation()}
            data-testid="source-link"
        >
            {id}
        </Link>
    );
};

export default SourceLink;
