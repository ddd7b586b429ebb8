// Portuguese (Brazil) for the system parts: typed dates, the relay link and the database's health.
export const ptBRSystem = {
  dateEntry: {
    /** The letters give the order and width of each part; the field's mask and placeholder follow it. */
    pattern: 'dd/mm/aaaa',
    invalid: 'Data inválida. Use o formato {{pattern}}.',
    pick: 'Escolher no calendário: {{label}}',
  },
  relay: {
    title: 'Relay de avisos',
    intro:
      'Um relay recebe os avisos do Pluggy e os repassa a este computador, para que a sincronização comece assim que o banco tiver dados novos. Sem relay, o Cofre confere os bancos periodicamente.',
    url: 'Endereço do relay',
    urlInvalid: 'Informe um endereço que comece com http:// ou https://.',
    adminToken: 'Token de administrador do relay',
    adminTokenHint: 'O token é usado uma única vez para registrar este computador; o Cofre não o guarda.',
    tokenRequired: 'Informe o token de administrador.',
    pair: 'Parear com o relay',
    pairing: 'Pareando…',
    pairedWith: 'Este computador está pareado com o relay:',
    unpair: 'Desparear do relay',
    unpairTitle: 'Desparear do relay?',
    unpairText:
      'O Cofre deixará de receber os avisos do Pluggy por este relay e voltará a conferir os bancos periodicamente. Para parear de novo será preciso um token de administrador.',
    unpairConfirm: 'Desparear',
    state: 'Situação',
    states: {
      unpaired: 'Não pareado',
      connecting: 'Conectando…',
      connected: 'Conectado',
      polling: 'Conectado por consultas',
      offline: 'Fora do ar',
    },
    stateHints: {
      unpaired: 'Sem relay, o Cofre confere os bancos periodicamente.',
      connecting: 'Abrindo a conexão com o relay.',
      connected: 'Os avisos do Pluggy chegam na hora.',
      polling:
        'O relay responde a consultas, sem conexão contínua; os avisos chegam com alguns segundos de atraso.',
      offline: 'O relay não responde. Enquanto isso, o Cofre confere os bancos sozinho.',
    },
    address: 'Endereço',
    lastEvent: 'Último aviso recebido',
    noEvent: 'Nenhum aviso ainda',
    lastError: 'Último erro',
    noError: 'Nenhum',
    rotation: {
      title: 'Hora de trocar o segredo do webhook',
      text: 'O relay avisa que o segredo que o Pluggy envia com cada aviso tem mais de 90 dias. Quem administra o relay deve trocá-lo, sem interromper os avisos:',
      step1: 'No relay, configure o segredo antigo e o novo juntos e reinicie:',
      step2: 'No Pluggy, troque o cabeçalho do webhook pelo segredo novo:',
      step3: 'Quando nenhum aviso usar mais o segredo antigo, deixe só o novo e reinicie:',
      note: 'O Cofre nunca vê os segredos: o relay só informa que a troca está pendente. Detalhes em src/relay/DEPLOY.md.',
    },
  },
  startup: {
    opening: 'Abrindo o Cofre…',
    upgrading: 'Atualizando seus dados: {{percent}}%',
    convert_cipher:
      'O arquivo do banco está passando para a nova criptografia. Isso acontece uma só vez; se o Cofre for fechado, nada se perde e ele recomeça na próxima abertura.',
    migrate:
      'Seus dados estão sendo preparados para esta versão do Cofre. Isso acontece uma só vez; se o Cofre for fechado, nada se perde e ele recomeça na próxima abertura.',
    failed: 'O Cofre não conseguiu iniciar.',
  },
  database: {
    title: 'Banco de dados',
    fileSize: 'Tamanho do arquivo',
    walSize: 'Diário de escrita (WAL)',
    schemaVersion: 'Versão do esquema',
    journalMode: 'Modo do diário',
    lastVacuum: 'Última compactação',
    never: 'Nunca',
    rowsTitle: 'Linhas por tabela',
    table: 'Tabela',
    rows: 'Linhas',
    unreadable: 'ilegível',
    cache: 'Cache do Pluggy',
    cacheState: 'Situação do cache',
    cacheOk: 'Funcionando',
    cacheBad: 'Com problema',
    cacheEntries: 'Itens guardados',
    notGiven: 'Não informado',
    cacheError: 'Último erro do cache',
    integrityTitle: 'Integridade',
    integrityHint:
      'A verificação lê o banco inteiro e pode levar alguns minutos; faça-a quando algo parecer errado.',
    integrityCheck: 'Verificar integridade do banco',
    integrityRunning: 'Verificando o banco inteiro…',
    integrityOk: 'Banco de dados íntegro: o SQLite não encontrou nenhum problema.',
    integrityBad_one: 'O SQLite encontrou {{count}} problema no banco de dados:',
    integrityBad_many: 'O SQLite encontrou {{count}} problemas no banco de dados:',
    integrityBad_other: 'O SQLite encontrou {{count}} problemas no banco de dados:',
    integrityAdvice: 'Guarde uma cópia da pasta de dados e peça ajuda com o relatório para suporte abaixo.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SystemMessages = Widen<typeof ptBRSystem>;
