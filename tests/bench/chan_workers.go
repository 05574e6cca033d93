// A worker pool: the same work as chan_workers.pyro.
package main

import "fmt"

func worker(jobs <-chan int, results chan<- int) {
	sum := 0
	for j := range jobs {
		sum += j * 2
	}
	results <- sum
}

func main() {
	jobs := make(chan int, 128)
	results := make(chan int, 4)
	for w := 0; w < 4; w++ {
		go worker(jobs, results)
	}
	for i := 0; i < 10000000; i++ {
		jobs <- i
	}
	close(jobs)
	total := 0
	for w := 0; w < 4; w++ {
		total += <-results
	}
	fmt.Println(total)
}
