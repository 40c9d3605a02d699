import { BooleanInput, NumberInput, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { STRATEGY_CHOICES } from './teamForm';

const StrategyInput = () => {
    const strategy = useWatch({ name: 'strategy' }) as string | undefined;
    const help = STRATEGY_CHOICES.find(choice => choice.id === strategy)?.help ?? 'How the queue picks an agent';
    return (
        <SelectInput
            source="strategy"
            choices={STRATEGY_CHOICES}
            helperText={help}
            slotProps={{ htmlInput: { 'data-testid': 'team-strategy-input' } }}
        />
    );
};

/** The settings both team forms have: name, description, department and how the queue works. */
export const TeamFields = () => (
    <>
        <TextInput source="name" helperText="As routing rules and agents see it" slotProps={{ htmlInput: { 'data-testid': 'team-name-input' } }} />
        <TextInput source="description" multiline minRows={2} helperText="What the team handles" />
        <TextInput source="department" helperText="e.g. Support/Sales, Marketing/PR" />
        <StrategyInput />
        <BooleanInput source="allow_pull" label="Agents may pull waiting cases" helperText="They claim cases from the queue themselves" />
        <NumberInput
            source="claim_idle_seconds"
            label="A claim expires after (seconds idle)"
            step={60}
            helperText="60 to 604800 (a week)"
        />
        <NumberInput
            source="relax_optional_after_seconds"
            label="Optional skills stop counting after (seconds waiting)"
            step={30}
            helperText="Empty: never"
        />
    </>
);

export default TeamFields;
