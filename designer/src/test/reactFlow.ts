// What React Flow needs from the browser and jsdom lacks. Import from tests that render a canvas.
class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
}

class DOMMatrixReadOnlyStub {
    m22: number;
    constructor(transform?: string) {
        const scale = transform?.match(/scale\(([^)]+)\)/)?.[1];
        this.m22 = scale ? Number(scale) : 1;
    }
}

const globals = globalThis as Record<string, unknown>;
globals.ResizeObserver ??= ResizeObserverStub;
globals.DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;
