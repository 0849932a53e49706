'use client';

import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Input } from '@/components/ui/input';
import { ALERT_SETTINGS_CHECKBOXES } from '@/lib/validation/alert-settings-form';
import { saveAlertSettingsAction } from './actions';

export interface AlertSettingsInitial {
  fastBurnFreeze: boolean;
  alertmanagerUrl: string;
  hasAlertmanagerAuth: boolean;
  webhookUrl: string;
  hasWebhookSecret: boolean;
  skipPrometheusSlos: boolean;
}

export function AlertSettingsForm({ initial }: { initial: AlertSettingsInitial }) {
  const [state, formAction] = useActionState(saveAlertSettingsAction, null);
  useActionToast(state);
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {/* An unticked checkbox sends nothing: this says the form carried its checkboxes. */}
      <input type="hidden" name="checkboxes" value={ALERT_SETTINGS_CHECKBOXES} />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="fastBurnFreeze"
          defaultChecked={initial.fastBurnFreeze}
          className="mt-1"
          data-testid="fast-burn-freeze"
        />
        <span>
          <span className="font-medium">Fast-burn freeze</span>
          <span className="block text-muted-foreground">
            While a page alert of an SLO fires, its deploy gate refuses feature changes whatever the budget
            status.
          </span>
        </span>
      </label>
      <h3 className="font-medium">Alertmanager</h3>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          name="alertmanagerUrl"
          label="URL"
          hint="Alerts are posted to …/api/v2/alerts"
          state={state}
        >
          <Input
            {...fieldProps('alertmanagerUrl', state, initial.alertmanagerUrl)}
            placeholder="http://alertmanager:9093"
          />
        </FormField>
        <FormField
          name="alertmanagerAuthorization"
          label="Authorization header"
          hint="Optional, e.g. Bearer …"
          state={state}
        >
          <Input
            type="password"
            autoComplete="off"
            {...fieldProps('alertmanagerAuthorization', state)}
            placeholder={initial.hasAlertmanagerAuth ? '•••••• (kept)' : ''}
          />
        </FormField>
      </div>
      <h3 className="font-medium">Webhook</h3>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          name="webhookUrl"
          label="URL"
          hint="Receives a JSON POST on every state change"
          state={state}
        >
          <Input
            {...fieldProps('webhookUrl', state, initial.webhookUrl)}
            placeholder="https://chatops/hooks/slo"
          />
        </FormField>
        <FormField
          name="webhookSecret"
          label="Signing secret"
          hint="X-SRE-Portal-Signature: sha256=HMAC(secret, timestamp.body)"
          state={state}
        >
          <Input
            type="password"
            autoComplete="off"
            {...fieldProps('webhookSecret', state)}
            placeholder={initial.hasWebhookSecret ? '•••••• (kept)' : ''}
          />
        </FormField>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="skipPrometheusSlos"
          defaultChecked={initial.skipPrometheusSlos}
          className="mt-1"
        />
        <span>
          Prometheus evaluates the generated rules of Prometheus-sourced SLOs: send only push SLOs' alerts
          from the portal
        </span>
      </label>
      <div>
        <SubmitButton>Save alert settings</SubmitButton>
      </div>
    </form>
  );
}
