import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath } from 'react-admin';

/** A link to a customer's profile, e.g. from a mention's author (no fetch: the text is what the page knows). */
export const CustomerLink = ({
    customerId,
    children,
    testId = 'customer-link',
}: {
    customerId: string;
    children: ReactNode;
    testId?: string;
}) => {
    const createPath = useCreatePath();
    return (
        <Link
            to={createPath({ resource: 'customers', id: customerId, type: 'show' })}
            // Inside a clickable row, the link opens the customer, not the row.
            onClick={(event: MouseEvent) => event.stopPropagation()}
            data-testid={testId}
        >
            {children}
        </Link>
    );
};

export default CustomerLink;
