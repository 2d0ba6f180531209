package vn.hoctap.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.UnitsReader;
import vn.hoctap.synthetic.core.GenerationSummary;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.ProgressListener;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * A register folder: {@code units.csv} and {@code persons.csv} (register-csv.md, as the platform imports them) and
 * the same persons as Parquet under {@code register/province_code=PP/year=YYYY/}, partitioned by province and data
 * year, with the columns of {@code register_person} (V2__register.sql): the CSV's columns, {@code birth_year} (the
 * year part of {@code birth_date}) and the defaults of register-csv.md applied (residence {@code permanent},
 * disability and enrolment {@code none}). Several years go into the same Parquet folder side by side.
 */
public final class NationalRegister {
    private NationalRegister() {
    }

    /** The persons.csv columns and their types when read by Spark (register-csv.md). */
    static final StructType CSV;

    static {
        String[] header = SyntheticRegister.PERSONS_HEADER.split(",");
        List<StructField> fields = new ArrayList<>();
        for (String h : header) fields.add(DataTypes.createStructField(h, csvType(h), true));
        CSV = DataTypes.createStructType(fields);
    }

    private static DataType csvType(String column) {
        return switch (column) {
            case "grade", "preschool_completed", "primary_completed", "lower_secondary_diploma", "upper_secondary_completed",
                 "highest_grade_completed", "literacy_stage_completed", "learning_citizen_year" -> DataTypes.ShortType;
            case "employed", "information_literacy", "life_skills" -> DataTypes.BooleanType;
            default -> DataTypes.StringType;
        };
    }

    /** Writes a synthetic register ({@code units.csv}, {@code persons.csv}) of the national structure into {@code dir}. */
    public static GenerationSummary generate(Path dir, long persons, long seed, int year, ProgressListener progress) throws IOException {
        return SyntheticRegister.generate(new GeneratorOptions(persons, seed, Structure.NATIONAL_2025, year), dir, progress);
    }

    /** Reads {@code dir/units.csv}. */
    public static Units units(Path dir) throws IOException {
        return unitsFile(dir.resolve("units.csv"));
    }

    /** Reads a units.csv file. */
    public static Units unitsFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            UnitsReader.Result r = new UnitsReader().read(in, "units.csv");
            if (!r.ok()) throw new IllegalStateException(r.report().format());
            return r.units();
        }
    }

    /** Where the Parquet register of a folder is. */
    public static Path parquet(Path dir) { return dir.resolve("register"); }

    /**
     * Converts {@code dir/persons.csv} of data year {@code year} into Parquet partitioned by province and year,
     * replacing that year's partitions (others stay). Returns the number of persons written.
     */
    public static long toParquet(SparkSession spark, Path dir, Units units, int year) {
        Dataset<Row> persons = spark.read().option("header", "true").option("mode", "FAILFAST").option("encoding", "UTF-8")
                .schema(CSV).csv(dir.resolve("persons.csv").toString());
        Dataset<Row> register = persons
                .join(broadcast(provinces(spark, units)), "commune_code")
                .select(registerColumns(year));
        register.write().mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic")
                .partitionBy("province_code", "year").parquet(parquet(dir).toString());
        return read(spark, dir).where(col("year").equalTo(lit(year))).count();
    }

    /** The Parquet register of a folder (every province and year; queries filter the year partition). */
    public static Dataset<Row> read(SparkSession spark, Path dir) {
        return spark.read().parquet(parquet(dir).toString());
    }

    private static org.apache.spark.sql.Column[] registerColumns(int year) {
        List<org.apache.spark.sql.Column> cs = new ArrayList<>();
        for (String h : SyntheticRegister.PERSONS_HEADER.split(",")) {
            switch (h) {
                case "residence" -> cs.add(coalesce(col(h), lit("permanent")).as(h));
                case "disability", "enrolment" -> cs.add(coalesce(col(h), lit("none")).as(h));
                default -> cs.add(col(h));
            }
        }
        cs.add(substring(col("birth_date"), 1, 4).cast("int").as("birth_year"));
        cs.add(col("province_code"));
        cs.add(lit(year).as("year"));
        return cs.toArray(new org.apache.spark.sql.Column[0]);
    }

    /** commune_code → province_code (the commune's city; a commune under a district: the district's city). */
    static Dataset<Row> provinces(SparkSession spark, Units units) {
        List<Row> rows = new ArrayList<>();
        for (Unit c : units.communes()) rows.add(RowFactory.create(c.code(), province(units, c).code()));
        StructType t = DataTypes.createStructType(List.of(
                DataTypes.createStructField("commune_code", DataTypes.StringType, false),
                DataTypes.createStructField("province_code", DataTypes.StringType, false)));
        return spark.createDataFrame(rows, t);
    }

    static Unit province(Units units, Unit u) {
        Unit p = u;
        while (p.level() != UnitLevel.CITY) p = units.get(p.parentCode()).orElseThrow();
        return p;
    }
}
