import '@testing-library/jest-dom';

// Fluent UI measures elements; jsdom has no ResizeObserver (STACK-NOTES).
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
