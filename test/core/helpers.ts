export { frameRate, framesToTicks, framesToTimecode } from "../../src/core/time";
export { InvalidInputError as InvalidInputErrorGuard } from "../../src/core/errors";
