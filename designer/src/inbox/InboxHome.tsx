import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { useInbox } from './InboxContext';
import { ALL_CASES_PATH, homeView, viewPath } from './views';

/** How long the first page waits for the counts before showing the plain case list. */
const WAIT_MS = 3_000;

/** The first page after login: Mine (or Unassigned when Mine is empty) for those who work cases, else all cases. */
export const InboxHome = () => {
    const { inbox, ready } = useInbox();
    const [waited, setWaited] = useState(false);
    useEffect(() => {
        const timer = setTimeout(() => setWaited(true), WAIT_MS);
        return () => clearTimeout(timer);
    }, []);
    if (inbox) {
        const view = homeView(inbox.views);
        return <Navigate replace to={view ? viewPath(view) : ALL_CASES_PATH} />;
    }
    if (ready || waited) return <Navigate replace to={ALL_CASES_PATH} />;
    return (
        <Box sx={{ display: 'flex', justifyContent: 'center', p: 6 }}>
            <CircularProgress aria-label="Loading your inbox" />
        </Box>
    );
};
