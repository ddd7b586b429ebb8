// Money: centavos and Cofre's sign convention (centavos.ts), spending rules (spending-rules.ts).
export * from './centavos';
