import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAuthProvider, makeMe } from '../test/fakeAuthProvider';
import { ApiFailure } from './analyticsApi';
import { periodOf } from './shaping';
import { ShareOfVoice, shareRows } from './ShareOfVoice';
import { fakeAnalyticsApi, voiceAnswer, VOICE_TERMS } from './testApi';
import { fieldOfPath, formOf, splitTerms, validateVoice, voicePayload } from './voiceTerms';

const PERIOD = periodOf(30, new Date('2026-12-04T10:00:00Z'), 'UTC');

const setup = (fake = fakeAnalyticsApi(), authProvider?: ReturnType<typeof fakeAuthProvider>) => {
    render(
        <AdminContext authProvider={authProvider}>
            <ShareOfVoice api={fake.api} period={PERIOD} days={30} />
        </AdminContext>,
    );
    return { ...fake, user: userEvent.setup() };
};

const observer = Object.getOwnPropertyDescriptor(globalThis, 'ResizeObserver');

describe('share of voice terms', () => {
    it('reads typed terms, checks what the API checks and names the field of a refusal', () => {
        expect(splitTerms(' acme ,\n@acme  help,, ')).toEqual(['acme', '@acme help']);
        const form = { brand: { name: 'Acme', terms: 'acme, ACME' }, competitors: [{ name: '', terms: '' }, { name: 'acme', terms: 'globex' }] };
        expect(validateVoice(form)).toEqual({
            'brand.terms': '"ACME" is given twice: a term names one brand or competitor, once',
            'competitors.1.name': 'acme is named twice',
        });
        expect(validateVoice({ brand: { name: ' ', terms: '' }, competitors: [{ name: '', terms: 'initech' }] })).toEqual({
            'brand.name': 'Give the brand a name',
            'brand.terms': 'At least one term, e.g. acme or @acmehelp',
            'competitors.0.name': 'Give the competitor a name',
        });
        expect(validateVoice({ brand: { name: 'A', terms: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') }, competitors: [] })).toEqual({
            'brand.terms': 'At most 20 terms',
        });
        const filled = { brand: { name: ' Acme ', terms: 'acme, @acmehelp' }, competitors: [{ name: '', terms: '' }, { name: 'Initech', terms: 'initech' }] };
        expect(validateVoice(filled)).toEqual({});
        // Empty rows are not sent, so the API's competitors.0 is the form's second row.
        expect(voicePayload(filled)).toEqual({ brand: { name: 'Acme', terms: ['acme', '@acmehelp'] }, competitors: [{ name: 'Initech', terms: ['initech'] }] });
        expect(fieldOfPath(filled, 'competitors.0.terms.0')).toBe('competitors.1.terms');
        expect(fieldOfPath(filled, 'brand.terms.1')).toBe('brand.terms');
        expect(formOf(VOICE_TERMS)).toEqual({ brand: { name: 'Acme', terms: 'acme, @acmehelp' }, competitors: [{ name: 'Globex', terms: 'globex' }] });
        expect(shareRows(voiceAnswer(VOICE_TERMS))).toEqual([
            { key: 'Acme', share: 75, mentions: 3 },
            { key: 'Globex', share: 25, mentions: 1 },
        ]);
    });
});

describe('the share of voice card', () => {
    beforeEach(() => {
        delete (globalThis as Record<string, unknown>).ResizeObserver;
    });
    afterEach(() => {
        vi.restoreAllMocks();
        if (observer) Object.defineProperty(globalThis, 'ResizeObserver', observer);
    });

    it('shows each name\'s share, saves new terms and shows the figures they give', async () => {
        const { api, user } = setup();
        await waitFor(() => expect(screen.getByTestId('voice-share-0')).toHaveTextContent('75 % (3 mentions)'));
        expect(screen.getByTestId('voice-share-1')).toHaveTextContent('25 % (1 mentions)');
        expect(screen.getByTestId('voice-origin')).toHaveTextContent('SWITCHBOARD_SHARE_OF_VOICE');
        expect(api.mentions).toHaveBeenCalledWith({ since: PERIOD.since, until: PERIOD.until, tz: 'UTC', metric: 'share_of_voice' });

        await user.click(screen.getByTestId('voice-terms-edit'));
        const form = within(screen.getByTestId('voice-terms-form'));
        await user.click(form.getByRole('button', { name: 'Add competitor' }));
        await user.type(screen.getByTestId('competitors.1.name'), 'Initech');
        await user.type(screen.getByTestId('competitors.1.terms'), 'initech');
        await user.click(screen.getByTestId('voice-terms-save'));

        await waitFor(() => expect(screen.getByTestId('voice-share-2')).toHaveTextContent('20 % (1 mentions)'));
        expect(api.saveVoiceTerms).toHaveBeenCalledWith({
            brand: { name: 'Acme', terms: ['acme', '@acmehelp'] },
            competitors: [{ name: 'Globex', terms: ['globex'] }, { name: 'Initech', terms: ['initech'] }],
        });
        expect(screen.getByTestId('voice-share-0')).toHaveTextContent('60 % (3 mentions)');
        expect(screen.getByTestId('voice-origin')).toHaveTextContent('Saved by olivia');
        expect(screen.queryByTestId('voice-terms-form')).toBeNull();
    });

    it('puts the API\'s refusal on the field it names, and checks before sending', async () => {
        const fake = fakeAnalyticsApi();
        fake.api.saveVoiceTerms.mockRejectedValueOnce(new ApiFailure('the term "globex" is given twice', 422, 'duplicate', 'competitors.0.terms.0'));
        const { api, user } = setup(fake);
        await user.click(await screen.findByTestId('voice-terms-edit'));
        await user.clear(screen.getByTestId('brand.terms'));
        await user.click(screen.getByTestId('voice-terms-save'));
        expect(await screen.findByText('At least one term, e.g. acme or @acmehelp')).toBeInTheDocument();
        expect(api.saveVoiceTerms).not.toHaveBeenCalled();

        await user.type(screen.getByTestId('brand.terms'), 'acme');
        await user.click(screen.getByTestId('voice-terms-save'));
        expect(await screen.findByText('the term "globex" is given twice')).toBeInTheDocument();
        expect(screen.getByTestId('competitors.0.terms')).toHaveAttribute('aria-invalid', 'true');
    });

    it('offers no editing to a supervisor, who reads the figures', async () => {
        const auth = fakeAuthProvider(makeMe('supervisor'));
        setup(fakeAnalyticsApi(), auth);
        await waitFor(() => expect(screen.getByTestId('voice-share-0')).toHaveTextContent('75 %'));
        await auth.settled();
        expect(screen.queryByTestId('voice-terms-edit')).toBeNull();
    });

    it('says when no brand is set, and asks an ops lead to set one', async () => {
        const fake = fakeAnalyticsApi(undefined, { brand: null, competitors: [], origin: 'none', updated_at: null, updated_by: null });
        setup(fake, fakeAuthProvider(makeMe('ops_lead')));
        expect(await screen.findByText('Set the brand and its competitors with Edit terms.')).toBeInTheDocument();
        expect(fake.api.mentions).not.toHaveBeenCalled();
        expect(await screen.findByTestId('voice-terms-edit')).toBeInTheDocument();
    });
});
