import '../lib/zod-csp';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { calculateCost, formatRubles, parseKwhInput, type CostResult } from '@portal/core/tariff-calculator';
import {
  SCHEME_ZONES,
  TARIFF_GROUP_LABELS,
  TARIFF_GROUPS,
  ZONE_LABELS,
  ZONE_SCHEME_LABELS,
  ZONE_SCHEMES,
  type TariffGroup,
  type TariffPeriod,
  type Zone,
  type ZoneScheme,
} from '@portal/core/tariffs';

export interface TariffCalculatorIslandProps {
  /** The period whose published prices the calculator uses. */
  period: TariffPeriod;
  /** Where the price tables are on the page; the message shown without JavaScript links there. */
  tablesHref: string;
}

/** One finished calculation; `count` tells two equal results apart, so each is announced. */
interface Calculation {
  count: number;
  group: TariffGroup;
  scheme: ZoneScheme;
  cost: CostResult;
}

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Monthly cost calculator: group, zone scheme and kWh per zone → cost to the kopeck, with the same
 * arithmetic as the bill (core/src/tariff-calculator.ts). Rendered only in the browser: without JavaScript
 * the page says so and points to the price tables, and a form that cannot work is never shown.
 *
 * The total is one large line inside a polite live region that changes only when «Рассчитать» is pressed
 * (never while typing), and it is scrolled into view, smoothly unless the visitor asked for reduced motion.
 */
export function TariffCalculatorIsland({ period, tablesHref }: TariffCalculatorIslandProps) {
  const id = useId();
  const [ready, setReady] = useState(false);
  const [group, setGroup] = useState<TariffGroup>('urban');
  const [scheme, setScheme] = useState<ZoneScheme>('single');
  const [inputs, setInputs] = useState<Partial<Record<Zone, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<Zone, string>>>({});
  const [calculation, setCalculation] = useState<Calculation | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const count = useRef(0);
  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (calculation) resultRef.current?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, [calculation]);

  if (!ready) {
    return (
      <p className="calculator__no-script">
        Калькулятор стоимости работает при включённом JavaScript. Рассчитать стоимость можно и вручную:
        умножьте расход за месяц в кВт·ч на цену вашей зоны суток из <a href={tablesHref}>таблиц ниже</a>.
      </p>
    );
  }

  const zones = SCHEME_ZONES[scheme];
  const fieldId = (zone: Zone) => `${id}-kwh-${zone}`;
  const hintId = `${id}-kwh-hint`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Zone, string>> = {};
    const kwh: Partial<Record<Zone, number>> = {};
    for (const zone of zones) {
      const parsed = parseKwhInput(inputs[zone] ?? '');
      if (parsed.ok) kwh[zone] = parsed.value;
      else found[zone] = parsed.message;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setCalculation(null);
      return;
    }
    count.current += 1;
    setCalculation({ count: count.current, group, scheme, cost: calculateCost(period, { group, scheme, kwh }) });
  };

  return (
    <>
      <p>Выберите группу потребителей и вид тарифа и укажите расход за месяц: стоимость считается по ценам из таблиц ниже.</p>
      <form className="calculator" onSubmit={submit} noValidate>
        {Object.keys(errors).length > 0 && (
          <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
            <h3>Пожалуйста, проверьте расход</h3>
            <ul>
              {zones.filter((zone) => errors[zone]).map((zone) => (
                <li key={zone}><a href={`#${fieldId(zone)}`}>{ZONE_LABELS[zone]}: {errors[zone]}</a></li>
              ))}
            </ul>
          </div>
        )}
        <div className="field">
          <label className="label" htmlFor={`${id}-group`}>Группа потребителей</label>
          <select id={`${id}-group`} className="select" value={group} onChange={(event) => { setGroup(event.target.value as TariffGroup); setCalculation(null); }}>
            {TARIFF_GROUPS.map((value) => <option key={value} value={value}>{TARIFF_GROUP_LABELS[value]}</option>)}
          </select>
        </div>
        <fieldset className="fieldset">
          <legend className="label">Вид тарифа</legend>
          <div className="radios">
            {ZONE_SCHEMES.map((value) => (
              <label className="radio" key={value}>
                <input type="radio" name={`${id}-scheme`} value={value} checked={scheme === value} onChange={() => { setScheme(value); setErrors({}); setCalculation(null); }} />
                <span>{ZONE_SCHEME_LABELS[value]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="label">Расход за месяц, кВт·ч</legend>
          <p className="hint" id={hintId}>Разница между текущими и предыдущими показаниями счётчика, целым числом.</p>
          {zones.map((zone) => (
            <div className={`field${errors[zone] ? ' field--error' : ''}`} key={zone}>
              <label className="label" htmlFor={fieldId(zone)}>{ZONE_LABELS[zone]}</label>
              {errors[zone] && <span className="error-message" id={`${fieldId(zone)}-error`}>{errors[zone]}</span>}
              <input
                id={fieldId(zone)}
                className="input input--short"
                inputMode="numeric"
                autoComplete="off"
                value={inputs[zone] ?? ''}
                aria-invalid={errors[zone] ? true : undefined}
                aria-describedby={errors[zone] ? `${fieldId(zone)}-error ${hintId}` : hintId}
                onChange={(event) => { setInputs({ ...inputs, [zone]: event.target.value }); setCalculation(null); }}
              />
            </div>
          ))}
        </fieldset>
        <button className="button" type="submit">Рассчитать</button>
        <div className="calculator__result" ref={resultRef}>
          <div aria-live="polite" aria-atomic="true">
            {calculation && (
              <p className="calculator__summary" key={calculation.count}>
                <span className="calculator__total-label">Итого за месяц:</span>{' '}
                <span className="calculator__total">{formatRubles(calculation.cost.totalKopecks)}</span>
              </p>
            )}
          </div>
          {calculation && (
            <>
              <p className="calculator__period">
                {TARIFF_GROUP_LABELS[calculation.group]}; {ZONE_SCHEME_LABELS[calculation.scheme].toLowerCase()}; тарифы {period.title}.
              </p>
              <ul className="calculator__lines" aria-label="Как получена сумма">
                {calculation.cost.lines.map((line) => (
                  <li key={line.zone}>
                    <span className="calculator__zone">{ZONE_LABELS[line.zone]}</span>
                    {line.kwh} кВт·ч × {formatRubles(line.priceKopecks)} = {formatRubles(line.costKopecks)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </form>
    </>
  );
}
