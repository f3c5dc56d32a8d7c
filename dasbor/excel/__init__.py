"""The Excel adapter (openpyxl): the import workbook's contract, its writer and its defensive reader."""
