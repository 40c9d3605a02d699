import { deepmerge } from '@mui/utils';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';
import type { RaThemeOptions } from 'react-admin';

/**
 * react-admin's themes, with a shell that never makes the document scroll sideways: the page's column may shrink
 * below its content's width (flex items do not by default), and a list wider than the window (a table with many
 * columns at 768 px) scrolls inside its card instead of pushing the app bar and the page off the screen; column
 * names and the page's title stay on one line.
 */
const shell: RaThemeOptions = {
    components: {
        RaLayout: {
            styleOverrides: {
                root: {
                    // react-admin sizes the whole layout to fit its content, page and app bar growing together
                    minWidth: 0,
                    '& .RaLayout-appFrame': { minWidth: 0 },
                    '& .RaLayout-contentWithSidebar': { minWidth: 0 },
                    '& .RaLayout-content': { minWidth: 0 },
                },
            },
        },
        RaAppBar: {
            styleOverrides: {
                root: {
                    // A long title (a case's subject) ends in an ellipsis before the app bar's buttons.
                    '& #react-admin-title': { minWidth: 0 },
                    '& #react-admin-title > *': {
                        display: 'block',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                    },
                },
            },
        },
        // A column's name on one line ("SLA due", not "SLA" over "due"): a wide table scrolls in its card.
        MuiTableCell: { styleOverrides: { head: { whiteSpace: 'nowrap' } } },
        RaList: {
            styleOverrides: {
                root: {
                    '& .RaList-main': { minWidth: 0 },
                    '& .RaList-content': { minWidth: 0, overflowX: 'auto' },
                },
            },
        },
    } as RaThemeOptions['components'],
};

export const lightTheme: RaThemeOptions = deepmerge(defaultLightTheme, shell);
export const darkTheme: RaThemeOptions = deepmerge(defaultDarkTheme, shell);
