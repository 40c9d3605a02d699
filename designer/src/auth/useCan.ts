import { useCanAccess, usePermissions } from 'react-admin';
import type { RaRecord } from 'react-admin';
import type { Me } from './access';

/**
 * Whether the logged-in user may do `action` on `resource` (on `record`, else the record in context), as the
 * authProvider's `canAccess` says. False until known, so nothing is offered that the API would refuse. Without
 * an authProvider (component tests), everything is allowed.
 */
export const useCan = (resource: string, action: string, record?: RaRecord): boolean => {
    const { canAccess } = useCanAccess({ resource, action, record });
    return canAccess === true;
};

/** The logged-in user (`GET /api/auth/me`), once known; undefined without an authProvider. */
export const useMe = (): Me | undefined => {
    const { permissions } = usePermissions<Me | undefined>();
    return permissions && !Array.isArray(permissions) ? permissions : undefined;
};
