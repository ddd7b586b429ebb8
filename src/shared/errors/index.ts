// Public surface of the error model.
export * from './error-codes';
export * from './app-error';
