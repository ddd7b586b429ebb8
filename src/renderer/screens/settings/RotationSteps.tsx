// The relay says its webhook secret is over 90 days old: the three steps of a rotation without a gap.
import { useTranslation } from 'react-i18next';

const PATCH_EXAMPLE =
  'PATCH https://api.pluggy.ai/webhooks/{id}\n{ "headers": { "x-cofre-secret": "<new>" } }';

export function RotationSteps() {
  const { t } = useTranslation();
  return (
    <div className="warn-box" role="status" data-testid="relay-rotation-due">
      <h3>{t('relay.rotation.title')}</h3>
      <p>{t('relay.rotation.text')}</p>
      <ol className="steps">
        <li>
          {t('relay.rotation.step1')}
          <pre className="mono">RELAY_SECRETS=old,new</pre>
        </li>
        <li>
          {t('relay.rotation.step2')}
          <pre className="mono">{PATCH_EXAMPLE}</pre>
        </li>
        <li>
          {t('relay.rotation.step3')}
          <pre className="mono">RELAY_SECRETS=new</pre>
        </li>
      </ol>
      <p className="hint">{t('relay.rotation.note')}</p>
    </div>
  );
}
