import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Logout, UserMenu, useGetIdentity } from 'react-admin';
import { roleLabel } from './access';

/** Who is logged in: name, email and role, at the top of the user menu. */
const Identity = () => {
    const { identity } = useGetIdentity();
    if (!identity) return null;
    return (
        <>
            <Box sx={{ px: 2, py: 1, minWidth: 220 }} data-testid="user-menu-identity">
                <Typography variant="subtitle2" data-testid="user-menu-name">
                    {identity.fullName}
                </Typography>
                {typeof identity.email === 'string' && (
                    <Typography variant="body2" color="text.secondary">
                        {identity.email}
                    </Typography>
                )}
                <Typography variant="body2" color="text.secondary" data-testid="user-menu-role">
                    {roleLabel(String(identity.role ?? ''))}
                </Typography>
            </Box>
            <Divider />
        </>
    );
};

/** The logged-in user's role, next to their name in the app bar. */
export const RoleChip = () => {
    const { identity } = useGetIdentity();
    if (!identity?.role) return null;
    return (
        <Chip
            size="small"
            variant="outlined"
            label={roleLabel(String(identity.role))}
            data-testid="user-role"
            data-role={String(identity.role)}
            sx={{ color: 'inherit', borderColor: 'currentColor', mr: 1 }}
        />
    );
};

export const SwitchboardUserMenu = () => (
    <>
        <RoleChip />
        <UserMenu>
            <Identity />
            <Logout />
        </UserMenu>
    </>
);

export default SwitchboardUserMenu;
