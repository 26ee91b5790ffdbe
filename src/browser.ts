/** The entry of the script a publisher loads: define the element, export nothing. */
import './define.js';
