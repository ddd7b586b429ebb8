// Portuguese (Brazil) for backups: making one, restoring one, and why a backup was refused.
export const ptBRBackup = {
  backup: {
    title: 'Cópia de segurança',
    intro:
      'Uma cópia criptografada e verificada do banco de dados e das configurações. Guarde-a fora deste computador.',
    last: 'Última cópia: {{when}}',
    never: 'Nenhuma cópia feita ainda.',
    protection: 'Proteger a cópia com',
    withKey: 'A chave deste computador (abre só aqui)',
    withPassphrase: 'Uma frase secreta (abre em qualquer computador)',
    passphrase: 'Frase secreta',
    passphraseHint: 'Pelo menos 8 caracteres. Sem ela a cópia não abre; o Cofre não a guarda.',
    passphraseShort: 'A frase secreta precisa de pelo menos 8 caracteres.',
    create: 'Fazer cópia agora',
    creating: 'Fazendo a cópia…',
    created: 'Cópia feita: {{rows}} linhas em {{tables}} tabelas ({{size}}).',
    restoreTitle: 'Restaurar uma cópia',
    restoreIntro:
      'O Cofre confere a cópia inteira antes de trocar qualquer coisa. Os dados atuais ficam guardados até a restauração dar certo.',
    file: 'Arquivo da cópia',
    restorePassphrase: 'Frase secreta da cópia (se tiver)',
    restore: 'Conferir e restaurar',
    restoring: 'Conferindo a cópia…',
    restored: 'Cópia de {{when}} conferida ({{rows}} linhas). Reinicie o Cofre para concluir a restauração.',
    pending: 'Uma restauração conferida espera o próximo início do Cofre.',
    errors: {
      damaged: 'A cópia está danificada ou foi alterada (cortada ou com bytes trocados). Nada foi mudado.',
      wrong_passphrase: 'A frase secreta não abre esta cópia. Nada foi mudado.',
      wrong_db_key:
        'Esta cópia foi feita com a chave de outro computador; ela abre só lá, ou faça uma com frase secreta. Nada foi mudado.',
      needs_passphrase: 'Esta cópia é protegida por uma frase secreta: digite-a.',
      needs_db_key: 'Esta cópia não tem frase secreta: deixe o campo em branco.',
      not_a_backup: 'Este arquivo não é uma cópia de segurança do Cofre.',
      newer_format:
        'Esta cópia foi feita por uma versão mais nova do Cofre. Atualize o Cofre para restaurá-la.',
      from_future: 'Esta cópia é de uma versão mais nova do Cofre. Atualize o Cofre para restaurá-la.',
      in_use: 'O Cofre está com o banco de dados aberto: feche o app e tente de novo.',
    },
  },
};
