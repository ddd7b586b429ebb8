// Faturas in the store: bills as Pluggy lists them, each card's bill reads, and card rows for faturas and parcelas.
export * from './bills';
export * from './card-rows';
