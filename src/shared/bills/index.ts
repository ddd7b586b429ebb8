// Faturas and parcelas: pure rules shared by the core (bills.* calls, CLI) and the Cartões screen.
export * from './fatura-state';
export * from './parcelas-ahead';
