/** CSV files bundled as text (webpack's asset/source). */
declare module "*.csv" {
  const text: string;
  export default text;
}
