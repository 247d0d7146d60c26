/**
 * The part of js-yaml's API the topology loader uses (see source/model/plain-yaml.ts). Declared
 * here rather than taken from a types package so that nothing beyond the bundled parser itself
 * is needed to build.
 */
declare module 'js-yaml' {
  export interface TypeOptions {
    readonly kind: 'scalar';
    readonly resolve: (data: string) => boolean;
    readonly construct: (data: string) => unknown;
  }
  export class Type {
    constructor(tag: string, options: TypeOptions);
  }
  export class Schema {
    extend(types: { readonly implicit?: readonly Type[]; readonly explicit?: readonly Type[] }): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export interface LoadOptions {
    readonly schema?: Schema;
    readonly json?: boolean;
    readonly onWarning?: (error: Error) => void;
  }
  export function load(text: string, options?: LoadOptions): unknown;
}
