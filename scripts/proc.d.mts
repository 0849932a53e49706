// Types of scripts/proc.mjs for the TypeScript callers (bench/startup.ts).
export declare const bin: (name: string) => string;
export declare function run(cmd: string, args: string[], env?: Record<string, string>): Promise<number>;
export declare function mustRun(cmd: string, args: string[], env?: Record<string, string>): Promise<void>;
export declare const hasBuild: () => boolean;
export declare const BUNDLED_SCRIPTS: string[];
export declare const bundleDir: () => string;
export declare const bundlePath: (name: string) => string;
export declare const inputsPath: (name: string) => string;
export declare function scriptCommand(name: string): [string, string[]];
export declare function startNext(port: string | number, env?: Record<string, string>): void;
