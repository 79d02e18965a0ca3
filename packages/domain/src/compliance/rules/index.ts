import type { Evaluator } from '../context.ts';
import { baoji2018Evaluators } from './baoji2018.ts';
import { cyl2014Evaluators } from './cyl2014.ts';
import { cyl2015Evaluators } from './cyl2015.ts';
import { gd2006Evaluators } from './gd2006.ts';
import { mz2016Evaluators } from './mz2016.ts';

/** Every rule's evaluator, by rule id. */
export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  ...cyl2014Evaluators,
  ...cyl2015Evaluators,
  ...baoji2018Evaluators,
  ...gd2006Evaluators,
  ...mz2016Evaluators,
};
