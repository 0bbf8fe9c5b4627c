import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Fluent UI measures elements; jsdom has no ResizeObserver (STACK-NOTES).
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// findBy*/waitFor give up after 1 s by default; a loaded 2-core CI machine can take longer.
configure({ asyncUtilTimeout: 5000 });
