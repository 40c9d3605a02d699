// json-logic-js 2.0.5 ships no types; this is the part the designer uses.
declare module 'json-logic-js' {
    type Operation = (...args: any[]) => unknown;
    const jsonLogic: {
        apply(logic: unknown, data?: unknown): unknown;
        add_operation(name: string, operation: Operation): void;
        rm_operation(name: string): void;
        is_logic(logic: unknown): boolean;
        truthy(value: unknown): boolean;
    };
    export default jsonLogic;
}
