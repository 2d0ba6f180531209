/*
 * The register edit form: the grade is asked only for the enrolments that have grades (primary, lower and upper
 * secondary; register-csv.md), so its field is shown or hidden as the enrolment changes. A static file, for the
 * strict Content-Security-Policy.
 */
(function () {
  'use strict';
  const enrolment = document.getElementById('f-enrolment');
  const gradeField = document.getElementById('grade-field');
  if (!enrolment || !gradeField) {
    return;
  }
  const graded = ['primary', 'lower_secondary', 'upper_secondary'];
  const update = () => {
    const show = graded.indexOf(enrolment.value) >= 0;
    gradeField.hidden = !show;
    if (!show) {
      document.getElementById('f-grade').value = '';
    }
  };
  enrolment.addEventListener('change', update);
}());
