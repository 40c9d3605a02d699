import { deepmerge } from '@mui/utils';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';
import type { RaThemeOptions } from 'react-admin';

/**
 * react-admin's themes, with a shell that never makes the document scroll sideways: the page's column may shrink
 * below its content's width (flex items do not by default), and a list wider than the window (a table with many
 * columns at 768 px) scrolls inside its card instead of pushing the app bar and the page off the screen.
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
