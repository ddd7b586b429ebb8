// The few words the shell itself shows (tray, dialogs, OS notifications), in pt-BR and English.
export type ShellLanguage = 'pt-BR' | 'en';

export function shellLanguage(locale: string): ShellLanguage {
  return locale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

const TEXT = {
  'pt-BR': {
    trayTooltip: 'Cofre',
    trayOpen: 'Abrir o Cofre',
    traySyncNow: 'Sincronizar agora',
    trayLastSync: (when: string) => `Última sincronização: ${when}`,
    trayNeverSynced: 'Ainda não sincronizado',
    trayQuit: 'Sair',
    noticeTitle: 'Cofre',
    noticeActionNeeded: (bank: string) => `${bank} precisa da sua atenção.`,
    noticeRepeatedFailures: (bank: string, failures: string) =>
      `A sincronização com ${bank} falhou ${failures} vezes seguidas.`,
    noticeGeneric: 'Há um novo aviso no Cofre.',
    keystoreTitle: 'Chave do banco de dados',
    noOsKeystore:
      'Não encontramos um chaveiro do sistema (GNOME Keyring, KWallet). Sem ele, a chave dos seus dados ficaria sem proteção. Você pode usar uma senha própria, digitada a cada abertura.',
    keystoreChanged:
      'O chaveiro do sistema não abre mais a chave dos seus dados (o chaveiro foi trocado ou apagado?). Seus dados continuam no disco, intactos.',
    keyMissing: 'Há dados criptografados do Cofre nesta pasta, mas a chave deles sumiu. Nada foi apagado.',
    usePassphrase: 'Usar uma senha',
    tryAgain: 'Tentar de novo',
    startOver: 'Começar do zero (guardar os arquivos antigos à parte)',
    openFolder: 'Abrir a pasta de dados',
    quit: 'Sair',
    passphraseTitle: 'Senha do Cofre',
    passphrasePrompt: 'Digite a senha que protege os seus dados.',
    passphraseWrong: 'Senha incorreta. Tente de novo.',
    passphraseOk: 'Abrir',
    passphraseCancel: 'Sair',
  },
  en: {
    trayTooltip: 'Cofre',
    trayOpen: 'Open Cofre',
    traySyncNow: 'Sync now',
    trayLastSync: (when: string) => `Last sync: ${when}`,
    trayNeverSynced: 'Not synced yet',
    trayQuit: 'Quit',
    noticeTitle: 'Cofre',
    noticeActionNeeded: (bank: string) => `${bank} needs your attention.`,
    noticeRepeatedFailures: (bank: string, failures: string) =>
      `Syncing ${bank} failed ${failures} times in a row.`,
    noticeGeneric: 'There is a new notice in Cofre.',
    keystoreTitle: 'Database key',
    noOsKeystore:
      'No system keyring (GNOME Keyring, KWallet) was found. Without one, your data key would not be protected. You can use a passphrase of your own instead, typed at every start.',
    keystoreChanged:
      'The system keystore can no longer unseal your data key (was the keyring replaced or reset?). Your data is still on disk, untouched.',
    keyMissing: "Cofre's encrypted data is in this folder, but its key is gone. Nothing was deleted.",
    usePassphrase: 'Use a passphrase',
    tryAgain: 'Try again',
    startOver: 'Start over (keep the old files aside)',
    openFolder: 'Open the data folder',
    quit: 'Quit',
    passphraseTitle: 'Cofre passphrase',
    passphrasePrompt: 'Type the passphrase that protects your data.',
    passphraseWrong: 'Wrong passphrase. Try again.',
    passphraseOk: 'Open',
    passphraseCancel: 'Quit',
  },
} satisfies Record<ShellLanguage, Record<string, unknown>>;

export type ShellText = (typeof TEXT)['en'];

export function shellText(language: ShellLanguage): ShellText {
  return TEXT[language];
}
